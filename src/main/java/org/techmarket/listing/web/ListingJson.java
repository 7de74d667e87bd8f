package org.techmarket.listing.web;

import java.time.Instant;
import java.util.List;
import org.techmarket.listing.application.ListingReading.BidEntry;
import org.techmarket.listing.application.ListingReading.Seen;
import org.techmarket.listing.application.NewListing;
import org.techmarket.listing.domain.AuctionView;
import org.techmarket.listing.domain.Listing;
import org.techmarket.listing.domain.Mechanism;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.domain.ReserveStatus;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/** The listing API's request and response bodies. Nothing secret (reserve amount, maxima, sealed bids) is here. */
final class ListingJson {

    private ListingJson() {}

    record CreateRequest(
            List<String> assetIds, NewListing.Offer offer, Mechanism mechanism, String title, String description) {
        NewListing toNewListing() {
            return new NewListing(assetIds, offer, mechanism, title, description);
        }
    }

    record ReasonRequest(String reason) {}

    record BidRequest(Money amount, Money maxAmount) {}

    record BidAccepted(String bidId, boolean leading, Money currentPrice, Instant endsAt, String status) {}

    /** The mechanism as disclosed: every parameter but the reserve amount, of which only its existence is shown. */
    record MechanismView(
            String type,
            Money startPrice,
            boolean hasReserve,
            Money increment,
            List<Mechanism.Step> increments,
            Money deposit,
            Instant startsAt,
            Instant endsAt,
            Long extendWindowSeconds,
            Long extendBySeconds,
            Instant latestEnd,
            Mechanism.Dutch dutch) {
        static MechanismView of(Mechanism m) {
            return new MechanismView(
                    m.type().name(),
                    m.startPrice(),
                    m.reservePrice() != null,
                    m.increment(),
                    m.increments(),
                    m.deposit(),
                    m.startsAt(),
                    m.endsAt(),
                    m.extendWindowSeconds(),
                    m.extendBySeconds(),
                    m.latestEnd(),
                    m.dutch());
        }
    }

    record OfferView(String type, NewListing.Licence licence) {
        static OfferView of(Listing l) {
            if (l.offerKind() == GrantKind.ASSIGNMENT) {
                return new OfferView("ASSIGNMENT", null);
            }
            String kind = l.offerKind().name().replace("_LICENCE", "");
            return new OfferView(
                    "LICENCE", new NewListing.Licence(kind, l.licenceScope().orElse(null)));
        }
    }

    record AwardView(String winnerId, Money price) {}

    record ListingView(
            String id,
            String status,
            String statusReason,
            String title,
            String description,
            String sellerId,
            String venueId,
            List<String> assetIds,
            List<String> industries,
            OfferView offer,
            MechanismView mechanism,
            Money deposit,
            Instant startsAt,
            Instant endsAt,
            Money currentPrice,
            Money minimumBid,
            Long bidCount,
            Boolean reserveMet,
            ReserveStatus reserve,
            boolean leading,
            AwardView award,
            String unsoldReason,
            long version) {

        static ListingView of(Seen seen) {
            Listing l = seen.listing();
            AuctionView v = seen.view();
            String currency = l.currency();
            AwardView award = v.outcome()
                    .filter(o -> o instanceof Outcome.Award)
                    .map(o -> (Outcome.Award) o)
                    .map(a -> new AwardView(a.winnerId(), Money.of(a.price(), currency)))
                    .orElse(null);
            String unsold = v.outcome()
                    .filter(o -> o instanceof Outcome.Unsold)
                    .map(o -> ((Outcome.Unsold) o).reason().name())
                    .orElse(null);
            if (award != null && l.status().name().equals("UNSOLD")) {
                // Won under the rules but not grantable at award: the sale did not happen.
                award = null;
                unsold = l.statusReason().orElse("RIGHTS_CONFLICT");
            }
            return new ListingView(
                    l.id(),
                    l.status().name(),
                    l.statusReason().orElse(null),
                    l.title(),
                    l.description(),
                    l.sellerId(),
                    l.venueId(),
                    l.assetIds(),
                    l.industries(),
                    OfferView.of(l),
                    MechanismView.of(l.mechanism()),
                    Money.of(l.deposit(), currency),
                    l.startsAt(),
                    v.endsAt(),
                    money(v.currentPrice(), currency),
                    money(v.minimumBid(), currency),
                    v.bidCount().isPresent() ? v.bidCount().getAsLong() : null,
                    v.reserve() == ReserveStatus.MET
                            ? Boolean.TRUE
                            : v.reserve() == ReserveStatus.NOT_MET ? Boolean.FALSE : null,
                    v.reserve(),
                    seen.leading(),
                    award,
                    unsold,
                    l.version());
        }

        private static Money money(java.util.OptionalLong value, String currency) {
            return value.isPresent() ? Money.of(value.getAsLong(), currency) : null;
        }
    }

    record BidView(String bidId, long sequence, String bidder, boolean mine, String kind, Money amount, Instant at) {
        static BidView of(BidEntry e) {
            return new BidView(e.bidId(), e.sequence(), e.bidder(), e.mine(), e.kind(), e.amount(), e.at());
        }
    }

    record BidPage(List<BidView> items, Long nextAfter) {}
}
