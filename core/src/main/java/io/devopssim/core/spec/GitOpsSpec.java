package io.devopssim.core.spec;

import io.devopssim.core.gitops.ValueLocator;

/**
 * The one value a promotion changes: in {@code file} of {@code repoUrl} on {@code branch}, at
 * {@code value}.
 */
public record GitOpsSpec(String repoUrl, String branch, String file, ValueLocator value,
                         CredentialsSpec credentials) {
}
