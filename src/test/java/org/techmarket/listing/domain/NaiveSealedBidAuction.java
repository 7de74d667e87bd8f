package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;
import org.techmarket.listing.domain.SealedBidTerms.Pricing;

/**
 * A deliberately plain sealed-bid auction for checking the engine: it keeps every accepted bid, and at the close
 * takes each bidder's last one, sorts them all and reads off the winner and the price.
 */
final class NaiveSealedBidAuction {

    /** An accepted bid; its position in the list is the order of acceptance. */
    record Accepted(String bidderId, long amount) {}

    private final SealedBidTerms terms;
    private final List<Accepted> accepted = new ArrayList<>();
    private boolean closed;

    NaiveSealedBidAuction(SealedBidTerms terms) {
        this.terms = terms;
    }

    Optional<String> placeBid(PlaceBid bid) {
        if (bid.maxAmount().isPresent()) {
            return Optional.of("NOT_ENGLISH");
        }
        if (closed || !bid.at().isBefore(terms.endsAt())) {
            return Optional.of("AUCTION_ENDED");
        }
        if (bid.at().isBefore(terms.startsAt())) {
            return Optional.of("AUCTION_NOT_OPEN");
        }
        if (bid.amount() < terms.startPrice()) {
            return Optional.of("BID_BELOW_MINIMUM");
        }
        accepted.add(new Accepted(bid.bidderId(), bid.amount()));
        return Optional.empty();
    }

    /** Each bidder's last bid, sorted best first: highest amount, then the one accepted earliest. */
    List<Accepted> ranking() {
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            String bidder = accepted.get(i).bidderId();
            boolean replacedLater = accepted.subList(i + 1, accepted.size()).stream()
                    .anyMatch(later -> later.bidderId().equals(bidder));
            if (!replacedLater) {
                current.add(i);
            }
        }
        current.sort(Comparator.<Integer>comparingLong(i -> -accepted.get(i).amount())
                .thenComparing(i -> i));
        return current.stream().map(accepted::get).toList();
    }

    Outcome close(Instant at) {
        closed = true;
        List<Accepted> ranking = ranking();
        if (ranking.isEmpty()) {
            return new Unsold(UnsoldReason.NO_BIDS);
        }
        long reserve = terms.reservePrice().orElse(0);
        Accepted best = ranking.get(0);
        if (best.amount() < reserve) {
            return new Unsold(UnsoldReason.RESERVE_NOT_MET);
        }
        if (terms.pricing() == Pricing.FIRST_PRICE) {
            return new Award(best.bidderId(), best.amount());
        }
        long second = ranking.size() > 1 ? ranking.get(1).amount() : terms.startPrice();
        return new Award(best.bidderId(), Math.max(second, terms.reservePrice().orElse(terms.startPrice())));
    }
}
