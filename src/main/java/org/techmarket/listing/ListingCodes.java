package org.techmarket.listing;

import org.techmarket.shared.ProblemCode;

/**
 * The codes with which listings and their price mechanisms refuse a listing, a bid, an acceptance or a purchase.
 * Codes every module gives alike (an invalid amount, a currency mismatch, a failed validation, a status move the
 * lifecycle does not allow) are in {@link org.techmarket.shared.SharedCodes}.
 */
public enum ListingCodes implements ProblemCode {
    INVALID_MECHANISM,
    INVALID_OFFER,
    BID_BELOW_MINIMUM,
    MAXIMUM_NOT_RAISED,
    NOT_ENGLISH,
    WRONG_MECHANISM,
    AUCTION_NOT_OPEN,
    AUCTION_ENDED,
    AUCTION_NOT_ENDED,
    ALREADY_SOLD,
    ALREADY_CLOSED,
    LISTING_HAS_BIDS,
    LISTING_NOT_OPEN,
    NEGOTIATION_LISTING,
    NOT_A_NEGOTIATION,
    SEALED_UNTIL_CLOSE,
    UNKNOWN_ASSET,
    NOT_ASSET_OWNER,
    OWNER_CANNOT_BID,
    LISTED_UNDER_PLEDGE
}
