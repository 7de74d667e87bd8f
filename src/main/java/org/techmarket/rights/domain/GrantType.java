package org.techmarket.rights.domain;

/** What a grant transfers or encumbers: ownership, one of four kinds of licence, or a security interest. */
public enum GrantType {
    ASSIGNMENT,
    EXCLUSIVE_LICENCE,
    SOLE_LICENCE,
    NON_EXCLUSIVE_LICENCE,
    OPEN_LICENCE,
    PLEDGE;

    /** Licences are the grants that compete for a scope; assignments and pledges act on the asset as a whole. */
    public boolean isLicence() {
        return this == EXCLUSIVE_LICENCE
                || this == SOLE_LICENCE
                || this == NON_EXCLUSIVE_LICENCE
                || this == OPEN_LICENCE;
    }

    /**
     * Exclusive and sole licences differ only in whether the owner may still exploit the asset itself;
     * both promise that no other licence covers their scope, so the conflict rules treat them alike.
     */
    public boolean isExclusiveKind() {
        return this == EXCLUSIVE_LICENCE || this == SOLE_LICENCE;
    }
}
