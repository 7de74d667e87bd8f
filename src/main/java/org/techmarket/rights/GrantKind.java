package org.techmarket.rights;

/** What a grant transfers or encumbers: ownership, one of four kinds of licence, or a security interest. */
public enum GrantKind {
    ASSIGNMENT,
    EXCLUSIVE_LICENCE,
    SOLE_LICENCE,
    NON_EXCLUSIVE_LICENCE,
    OPEN_LICENCE,
    PLEDGE
}
