package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Compile-only copy of the lookups (credentials plugin); the deprecated overloads (Acegi authentication, no
 * authentication) are left out. Abstract because signatures.txt captures only some members; every lookup
 * needs Jenkins and throws here.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider> implements Describable<CredentialsProvider> {

    private CredentialsProvider() {
        super(CredentialsProvider.class);
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(@NonNull Class<C> type,
            @CheckForNull ItemGroup itemGroup, @CheckForNull Authentication authentication) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(@NonNull Class<C> type,
            @CheckForNull ItemGroup itemGroup, @CheckForNull Authentication authentication,
            @CheckForNull List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public static <C extends IdCredentials> ListBoxModel listCredentialsInItemGroup(@NonNull Class<C> type,
            @CheckForNull ItemGroup itemGroup, @CheckForNull Authentication authentication,
            @CheckForNull List<DomainRequirement> domainRequirements, @CheckForNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(@NonNull Class<C> type, @CheckForNull Item item,
            @CheckForNull Authentication authentication) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(@NonNull Class<C> type, @CheckForNull Item item,
            @CheckForNull Authentication authentication, @CheckForNull List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @NonNull
    public static <C extends IdCredentials> ListBoxModel listCredentialsInItem(@NonNull Class<C> type,
            @CheckForNull Item item, @CheckForNull Authentication authentication,
            @CheckForNull List<DomainRequirement> domainRequirements, @CheckForNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run, @CheckForNull List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(@NonNull Run build, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }

    @CheckForNull
    public static <C extends Credentials> C track(@NonNull Item item, @CheckForNull C credentials) {
        throw new UnsupportedOperationException("stub: compile-only Jenkins API");
    }
}
