package org.techmarket.listing.application;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.asset.AssetOwnershipCorrected;
import org.techmarket.asset.Assets;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.persistence.Listings;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantRecorded;

/**
 * When an asset is assigned, or an upheld ownership dispute gives it to the claimant, the listings of it by
 * organizations that no longer own it end: each standing one is
 * cancelled with a reason naming the assignment, its deposits go back, and it is audited. The assignee's own listings
 * stand, and a listing that sold the asset is AWARDED already and so no longer standing. Delivered after the
 * assignment commits, at least once (ADR 0015); a listing already ended is left as it is, so a repeated delivery
 * changes nothing.
 */
@Component
public class AssignedListings {

    private static final Logger log = LoggerFactory.getLogger(AssignedListings.class);

    private final Listings listings;
    private final ListingLifecycle lifecycle;
    private final Assets assets;

    AssignedListings(Listings listings, ListingLifecycle lifecycle, Assets assets) {
        this.listings = listings;
        this.lifecycle = lifecycle;
        this.assets = assets;
    }

    // The id names the listener in stored publications, so it stays the same when the method is renamed. Only an
    // assignment is published to it: a licence's grant leaves every listing standing, so it stores no publication and
    // runs no transaction here.
    @ApplicationModuleListener(
            id = "listing.assignment.grant-recorded",
            condition = "#recorded.type().name() == 'ASSIGNMENT'")
    void on(GrantRecorded recorded) {
        endListingsOfFormerOwners(recorded);
    }

    // An upheld ownership dispute takes the asset from its former owners as an assignment would.
    @ApplicationModuleListener(id = "listing.ownership.corrected")
    void on(AssetOwnershipCorrected corrected) {
        endListingsOfFormerOwners(
                corrected.assetId(),
                "Asset " + corrected.assetId() + " belongs to "
                        + corrected.ownerId() + " after ownership dispute " + corrected.disputeId()
                        + "; its former owner can no longer offer it",
                corrected.disputeId());
    }

    /** Cancels the standing listings of the assigned asset whose sellers no longer own it; returns how many. */
    @Transactional
    public int endListingsOfFormerOwners(GrantRecorded recorded) {
        if (recorded.type() != GrantKind.ASSIGNMENT) {
            return 0;
        }
        String reason = "Asset " + recorded.assetId() + " was assigned to " + recorded.granteeId() + " (grant "
                + recorded.grantId() + "); its former owner can no longer offer it";
        return endListingsOfFormerOwners(recorded.assetId(), reason, recorded.grantId());
    }

    private int endListingsOfFormerOwners(String assetId, String reason, String cause) {
        int ended = 0;
        for (String id : listings.standingWith(assetId)) {
            Listing listing = listings.lock(id).orElseThrow();
            // Owners are read after the listing's lock, so they are those of the latest committed change of owners.
            Set<String> owners =
                    assets.find(assetId).map(a -> a.ownerShares().keySet()).orElse(Set.of());
            if (lifecycle
                    .cancelForAssignment(listing, assetId, owners.contains(listing.sellerId()), reason)
                    .isPresent()) {
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Cancelled {} listings of asset {} after its change of owners by {}", ended, assetId, cause);
        }
        return ended;
    }
}
