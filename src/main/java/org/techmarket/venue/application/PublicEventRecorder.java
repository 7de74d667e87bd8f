package org.techmarket.venue.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.listing.LeadTaken;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.ListingEnded;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.listing.ListingSummary;
import org.techmarket.venue.persistence.PublicEventFeed;

/**
 * Keeps each venue's public events in the feed other venues pull by cursor: a listing published, the lead of an
 * auction taken, a listing awarded or ended, a deal's step. Only what the market shows anyone is kept: prices asked,
 * bid and paid, never a secret reserve or who bid.
 */
@Component
class PublicEventRecorder {

    private final ListingCatalog listings;
    private final PublicEventFeed feed;

    PublicEventRecorder(ListingCatalog listings, PublicEventFeed feed) {
        this.listings = listings;
        this.feed = feed;
    }

    @ApplicationModuleListener(id = "venue.feed.listing-milestone")
    void keep(ListingMilestone milestone) {
        if (milestone.stage() == ListingMilestone.Stage.BID_ON) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mechanism", milestone.mechanism());
        data.put("assetIds", milestone.assetIds());
        if (milestone.stage() == ListingMilestone.Stage.LISTED) {
            data.put("startPrice", milestone.startPrice().decimal());
            data.put("currency", milestone.startPrice().currency());
            data.put("startsAt", milestone.startsAt().toString());
        }
        milestone.price().ifPresent(price -> {
            data.put("price", price.decimal());
            data.put("currency", price.currency());
        });
        String type = milestone.stage() == ListingMilestone.Stage.LISTED ? "ListingPublished" : "ListingAwarded";
        keep(milestone.listingId(), "listing:" + milestone.listingId() + ":" + type, type, data, milestone.at());
    }

    @ApplicationModuleListener(id = "venue.feed.lead-taken")
    void keep(LeadTaken lead) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bidId", lead.bidId());
        data.put("currentPrice", lead.currentPrice().decimal());
        data.put("currency", lead.currentPrice().currency());
        keep(lead.listingId(), "bid:" + lead.bidId(), "LeadTaken", data, lead.at());
    }

    @ApplicationModuleListener(id = "venue.feed.listing-ended")
    void keep(ListingEnded ended) {
        keep(
                ended.listingId(),
                "listing:" + ended.listingId() + ":ended",
                "ListingEnded",
                Map.of("status", ended.status()),
                ended.endedAt());
    }

    @ApplicationModuleListener(id = "venue.feed.deal-step")
    void keep(DealStepTaken step) {
        step.listingId()
                .flatMap(listings::find)
                .ifPresent(listing -> feed.add(
                        "deal:" + step.dealId() + ":" + step.step() + ":" + step.at(),
                        listing.venueId(),
                        step.step(),
                        "deal:" + step.dealId(),
                        Map.of("status", step.status(), "listingId", listing.id()),
                        step.at()));
    }

    private void keep(String listingId, String ref, String type, Map<String, Object> data, Instant at) {
        Optional<ListingSummary> listing = listings.find(listingId);
        listing.ifPresent(l -> feed.add(ref, l.venueId(), type, "listing:" + listingId, data, at));
    }
}
