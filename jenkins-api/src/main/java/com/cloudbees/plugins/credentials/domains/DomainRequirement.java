package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

/**
 * Compile-only copy (credentials plugin): the base of the requirements a lookup narrows credentials by. The real
 * class also implements ExtensionPoint.
 */
public class DomainRequirement implements Serializable {

    private static final long serialVersionUID = 1L;
}
