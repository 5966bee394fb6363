package org.annals.security;

/** The global roles. Project roles (viewer to manager) are per project: see {@code ProjectRole}. */
public final class Roles {

    /** Every signed-in account. */
    public static final String USER = "USER";
    /** Site administrators: users, projects, site settings. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
