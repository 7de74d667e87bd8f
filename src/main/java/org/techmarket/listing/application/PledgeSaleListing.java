package org.techmarket.listing.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.listing.ListingCodes;
import org.techmarket.listing.PledgeSales;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.listing.persistence.PledgedListings;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The listing side of a pledgee's sale: the owner's listing, drafted and submitted by the pledgee. */
@Service
class PledgeSaleListing implements PledgeSales {

    private final ListingLifecycle lifecycle;
    private final PledgedListings pledged;
    private final Participants participants;
    private final JsonMapper json;

    PledgeSaleListing(ListingLifecycle lifecycle, PledgedListings pledged, Participants participants, JsonMapper json) {
        this.lifecycle = lifecycle;
        this.pledged = pledged;
        this.participants = participants;
        this.json = json;
    }

    @Override
    @Transactional
    public String list(
            Actor lender,
            String loanId,
            String ownerId,
            List<String> assetIds,
            String title,
            Map<String, Object> mechanism) {
        Mechanism parsed;
        try {
            parsed = mechanism == null ? null : json.convertValue(mechanism, Mechanism.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism", "is not a valid English auction");
        }
        if (parsed == null) {
            throw Rejection.invalid(ListingCodes.INVALID_MECHANISM, "mechanism", "is required");
        }
        NewListing request = new NewListing(
                assetIds,
                new NewListing.Offer("ASSIGNMENT", null),
                parsed,
                title,
                "Sold by the pledgee under its pledge after the default of loan " + loanId + ".");
        return lifecycle
                .listUnderPledge(lender, loanId, participants.requireOrganization(ownerId, "ownerId"), request)
                .id();
    }

    @Override
    public Optional<String> standingSale(String loanId) {
        return pledged.standingFor(loanId);
    }

    @Override
    public Optional<String> loanSoldBy(String listingId) {
        return pledged.loanOf(listingId);
    }

    @Override
    public Optional<String> pledgeeOf(String listingId) {
        return pledged.pledgeeOf(listingId);
    }

    @Override
    public List<String> listedBy(String pledgeeId) {
        return pledged.listedBy(pledgeeId);
    }

    @Override
    public boolean superseded(String listingId) {
        return pledged.superseded(listingId);
    }
}
