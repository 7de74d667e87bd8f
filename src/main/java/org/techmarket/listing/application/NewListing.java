package org.techmarket.listing.application;

import java.util.List;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.rights.GrantScope;

/** What a seller asks to list: the assets, the offer (an ASSIGNMENT or a LICENCE), the mechanism and the text. */
public record NewListing(List<String> assetIds, Offer offer, Mechanism mechanism, String title, String description) {

    /** ASSIGNMENT, or LICENCE with its kind and scope. */
    public record Offer(String type, Licence licence) {}

    /** A licence's kind (EXCLUSIVE, SOLE, NON_EXCLUSIVE) and scope. */
    public record Licence(String type, GrantScope scope) {}
}
