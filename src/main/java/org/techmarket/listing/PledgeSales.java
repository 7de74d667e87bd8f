package org.techmarket.listing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Actor;

/**
 * Sales a pledgee lists under its pledge when the loan the pledge secures is in default: the ASSIGNMENT of the
 * pledged assets by English auction, the owner the seller of record, approved by an operator as any listing.
 */
public interface PledgeSales {

    /**
     * Drafts and submits the sale for {@code lender}, enforcing {@code loanId}; {@code mechanism} is the listing
     * API's mechanism object. Returns the listing's id; refused as a listing would be (INVALID_MECHANISM, rights).
     */
    String list(
            Actor lender,
            String loanId,
            String ownerId,
            List<String> assetIds,
            String title,
            Map<String, Object> mechanism);

    /** The loan's sale listing that still stands, if any. */
    Optional<String> standingSale(String loanId);

    /** The loan whose collateral {@code listingId} sells, if it was listed under a pledge. */
    Optional<String> loanSoldBy(String listingId);

    /** The pledgee that listed {@code listingId} under its pledge, if one did. */
    Optional<String> pledgeeOf(String listingId);

    /** The listings {@code pledgeeId} listed under its pledges, one or a few for each of its defaulted loans. */
    List<String> listedBy(String pledgeeId);

    /** Whether a later sale of the same loan was listed after {@code listingId}, which then sells no more. */
    boolean superseded(String listingId);
}
