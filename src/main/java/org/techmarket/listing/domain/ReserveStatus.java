package org.techmarket.listing.domain;

/** What the public may know about a reserve: never its amount, at most whether it is met. */
public enum ReserveStatus {
    /** The sale has no reserve. */
    NO_RESERVE,
    MET,
    NOT_MET,
    /** There is a reserve, but whether it is met stays sealed until the close. */
    UNDISCLOSED
}
