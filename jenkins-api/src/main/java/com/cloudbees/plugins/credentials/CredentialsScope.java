package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/**
 * Compile-only copy of the constants (credentials plugin). Their abstract getDisplayName() and
 * isVisible(ModelObject) are left out: an enum cannot be extended, and no binding calls them.
 */
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
