package org.techmarket.venue.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.listing.LeadTaken;
import org.techmarket.listing.ListingCatalog;
import org.techmarket.listing.ListingEnded;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.listing.ListingSummary;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantRecorded;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.GatheredAtCommit;
import org.techmarket.venue.persistence.PublicEventFeed;

/**
 * Keeps each venue's public events in the feed other venues pull by cursor: a listing published, the lead of an
 * auction taken, a listing awarded or ended, a deal's step (a listing's deal under the listing's venue, a direct
 * contract under its seller's), and a grant recorded in the rights registry, open-licence takes included, under the
 * venue of its grantor. Only what the market shows anyone is kept: prices asked, bid and paid, what a grant covers,
 * never a secret reserve or who bid. A lead taken and a deal's step are kept in the step's own transaction, as its
 * last write before it commits (the feed's writers take turns until they commit, so the turn is taken as late as it
 * can be); the others after their event's transaction, in one of their own.
 */
@Component
class PublicEventRecorder {

    private final ListingCatalog listings;
    private final Participants participants;
    private final RightsRegistry rights;
    private final PublicEventFeed feed;

    PublicEventRecorder(
            ListingCatalog listings, Participants participants, RightsRegistry rights, PublicEventFeed feed) {
        this.listings = listings;
        this.participants = participants;
        this.rights = rights;
        this.feed = feed;
    }

    // A first bid is kept as no feed entry, so it is not delivered here at all (no publication to record).
    @ApplicationModuleListener(id = "venue.feed.listing-milestone", condition = "#milestone.stage().name() != 'BID_ON'")
    void keep(ListingMilestone milestone) {
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

    // Kept in the bid's own transaction, as its last write: the feed's turn is taken just before the bid commits. The
    // leads a group of bids took are gathered with the transaction's other entries and kept in one statement.
    @EventListener
    void keep(LeadTaken lead) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bidId", lead.bidId());
        data.put("currentPrice", lead.currentPrice().decimal());
        data.put("currency", lead.currentPrice().currency());
        GatheredAtCommit.addAll(
                STEP_ENTRIES,
                Ordered.LOWEST_PRECEDENCE,
                feed::addAll,
                List.of(new PublicEventFeed.NewEntry(
                        "bid:" + lead.bidId(),
                        lead.venueId(),
                        "LeadTaken",
                        "listing:" + lead.listingId(),
                        data,
                        lead.at())));
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

    // Kept in the step's own transaction, as its last write, as a lead taken is; heard as the step is published, so
    // that the entries of all the steps one transaction takes (an acceptance completes the deal too) are gathered and
    // kept in one statement.
    @EventListener
    void keep(DealStepTaken step) {
        entryOf(step)
                .ifPresent(entry ->
                        GatheredAtCommit.addAll(STEP_ENTRIES, Ordered.LOWEST_PRECEDENCE, feed::addAll, List.of(entry)));
    }

    /** The key under which a transaction gathers the feed's entries of its deal steps and the leads its bids took. */
    private static final Object STEP_ENTRIES = new Object();

    private Optional<PublicEventFeed.NewEntry> entryOf(DealStepTaken step) {
        String ref = "deal:" + step.dealId() + ":" + step.step() + ":" + step.at();
        if (step.listingId().isEmpty()) {
            // a direct contract has no listing; it is made at the venue of the party that proposed it, its seller
            return participants
                    .organization(step.sellerId())
                    .map(OrganizationSummary::venueId)
                    .map(venue -> new PublicEventFeed.NewEntry(
                            ref,
                            venue,
                            step.step(),
                            "deal:" + step.dealId(),
                            Map.of("status", step.status(), "direct", true),
                            step.at()));
        }
        // a listing's deal is struck at the listing's venue, which the step names: no need to read the listing
        return Optional.of(new PublicEventFeed.NewEntry(
                ref,
                step.venueId(),
                step.step(),
                "deal:" + step.dealId(),
                Map.of("status", step.status(), "listingId", step.listingId().get()),
                step.at()));
    }

    @ApplicationModuleListener(id = "venue.feed.grant-recorded")
    void keep(GrantRecorded recorded) {
        rights.find(recorded.grantId())
                .ifPresent(grant -> grantorsVenue(grant)
                        .ifPresent(venue -> feed.add(
                                "grant:" + grant.id(),
                                venue,
                                grant.openLicenceId().isPresent() ? "OpenLicenceTaken" : "RightsGranted",
                                "grant:" + grant.id(),
                                grantData(grant),
                                recorded.recordedAt())));
    }

    private Optional<String> grantorsVenue(GrantSummary grant) {
        return grant.grantorIds().stream()
                .sorted()
                .findFirst()
                .flatMap(participants::organization)
                .map(OrganizationSummary::venueId);
    }

    private static Map<String, Object> grantData(GrantSummary grant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("assetId", grant.assetId());
        data.put("kind", grant.type().name());
        data.put("start", grant.scope().start().toString());
        data.put("end", grant.scope().end().toString());
        grant.openLicenceId().ifPresent(declaration -> data.put("openLicenceId", declaration));
        grant.amountDue().ifPresent(due -> {
            data.put("amountDue", due.decimal());
            data.put("currency", due.currency());
        });
        return data;
    }

    private void keep(String listingId, String ref, String type, Map<String, Object> data, Instant at) {
        Optional<ListingSummary> listing = listings.find(listingId);
        listing.ifPresent(l -> feed.add(ref, l.venueId(), type, "listing:" + listingId, data, at));
    }
}
