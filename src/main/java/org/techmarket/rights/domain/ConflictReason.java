package org.techmarket.rights.domain;

/** Stable machine codes for why a grant or an open-licence declaration cannot be made; the names are the API. */
public enum ConflictReason {
    /** Rule 1: a new exclusive or sole licence overlaps a licence in force. */
    EXCLUSIVE_OVERLAP,
    /** Rule 2: a new non-exclusive or open licence overlaps an exclusive or sole licence in force. */
    OVERLAPS_EXCLUSIVE,
    /** Rules 3, 4 and 7: a pledge in force blocks the grant and its pledgee has not consented. */
    PLEDGED,
    /** Rule 5: the acting organizations are not entitled to grant (not the owners, not the parent licensee). */
    NOT_OWNER,
    /** Rule 5: a sublicence reaches outside the scope of the licence it is carved from. */
    SUBLICENCE_OUTSIDE_SCOPE,
    /** Rule 5: the parent licence may not be sublicensed (not a sublicensable licence in force). */
    NOT_SUBLICENSABLE,
    /** Rule 6: the asset has expired, lapsed or been invalidated. */
    ASSET_NOT_IN_FORCE,
    /** Rule 7: an open licence cannot be declared while an exclusive or sole licence is in force. */
    EXCLUSIVE_ACTIVE,
    /** Converse of rule 7: no exclusive or sole licence while an open-licence declaration stands. */
    OPEN_LICENCE_DECLARED,
    /** An open licence can only be declared on a granted patent, not on a pending application. */
    ASSET_NOT_GRANTED,
    /** The term would start before today. */
    TERM_IN_PAST,
    /** The term would run past the end of the asset's protection. */
    TERM_BEYOND_PROTECTION
}
