package org.techmarket.participant.domain;

/** What happened at the door that operators and regulators should be able to see afterwards. */
public enum SecurityEventType {
    /** A log-in by password succeeded: kept so that surveillance can see organizations logging in from one address. */
    LOGGED_IN,
    /** A log-in with an unknown username or a wrong password. */
    LOGIN_FAILED,
    /** Repeated failures locked an account name. */
    ACCOUNT_LOCKED,
    /** An organization admin or an operator lifted an account's lock. */
    ACCOUNT_UNLOCKED,
    /** A log-in refused unchecked because its account or client address is backing off or locked. */
    LOGIN_THROTTLED,
    /** A signed-in caller was refused (403). */
    ACCESS_DENIED,
    /** A user revoked one of their API tokens. */
    TOKEN_REVOKED
}
