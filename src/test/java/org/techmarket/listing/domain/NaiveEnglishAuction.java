package org.techmarket.listing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.listing.domain.Increment.Tier;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;

/**
 * A deliberately plain English auction for checking the engine: it keeps every accepted bid and answers every
 * question by recomputing from all of them, with linear scans and no cached standings.
 */
final class NaiveEnglishAuction {

    /** An accepted bid, in order of acceptance. */
    record Accepted(String bidderId, long amount, long maximum, Instant at) {}

    private final EnglishTerms terms;
    private final List<Accepted> accepted = new ArrayList<>();
    private Optional<Outcome> outcome = Optional.empty();

    NaiveEnglishAuction(EnglishTerms terms) {
        this.terms = terms;
    }

    List<Accepted> accepted() {
        return accepted;
    }

    /** The refusal code the rules give this bid, or empty when it is accepted (and then recorded). */
    Optional<String> placeBid(PlaceBid bid) {
        Optional<String> refusal = refusalOf(bid);
        if (refusal.isEmpty()) {
            accepted.add(new Accepted(bid.bidderId(), bid.amount(), bid.maximum(), bid.at()));
        }
        return refusal;
    }

    private Optional<String> refusalOf(PlaceBid bid) {
        if (outcome.isPresent() || !bid.at().isBefore(end())) {
            return Optional.of("AUCTION_ENDED");
        }
        if (bid.at().isBefore(terms.startsAt())) {
            return Optional.of("AUCTION_NOT_OPEN");
        }
        if (bid.amount() < minimumBid()) {
            return Optional.of("BID_BELOW_MINIMUM");
        }
        Optional<Accepted> leading = leadingBid();
        if (leading.isPresent()
                && leading.get().bidderId().equals(bid.bidderId())
                && bid.maximum() <= leading.get().maximum()) {
            return Optional.of("MAXIMUM_NOT_RAISED");
        }
        return Optional.empty();
    }

    Optional<Outcome> close(Instant at) {
        if (outcome.isPresent() || at.isBefore(end())) {
            return Optional.empty();
        }
        Optional<Accepted> leading = leadingBid();
        if (leading.isEmpty()) {
            outcome = Optional.of(new Unsold(UnsoldReason.NO_BIDS));
        } else if (terms.reservePrice().isPresent()
                && leading.get().maximum() < terms.reservePrice().getAsLong()) {
            outcome = Optional.of(new Unsold(UnsoldReason.RESERVE_NOT_MET));
        } else {
            outcome = Optional.of(new Award(leading.get().bidderId(), price()));
        }
        return outcome;
    }

    /** The leader has the highest maximum of anyone, the one given earliest on a tie. */
    Optional<Accepted> leadingBid() {
        Accepted best = null;
        for (Accepted bid : bestPerBidder().values()) {
            if (best == null
                    || bid.maximum() > best.maximum()
                    || (bid.maximum() == best.maximum() && accepted.indexOf(bid) < accepted.indexOf(best))) {
                best = bid;
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<Long> runnerUpMaximum() {
        Optional<Accepted> leading = leadingBid();
        Long best = null;
        for (Accepted bid : bestPerBidder().values()) {
            if (!bid.bidderId().equals(leading.get().bidderId()) && (best == null || bid.maximum() > best)) {
                best = bid.maximum();
            }
        }
        return Optional.ofNullable(best);
    }

    long price() {
        if (accepted.isEmpty()) {
            return terms.startPrice();
        }
        long leaderMaximum = leadingBid().get().maximum();
        long price = runnerUpMaximum()
                .map(second -> Math.min(leaderMaximum, second + stepAt(second)))
                .orElse(terms.startPrice());
        price = Math.max(price, terms.startPrice());
        if (terms.reservePrice().isPresent()
                && leaderMaximum >= terms.reservePrice().getAsLong()) {
            price = Math.max(price, terms.reservePrice().getAsLong());
        }
        return price;
    }

    long minimumBid() {
        return accepted.isEmpty() ? terms.startPrice() : price() + stepAt(price());
    }

    /** The end, folded over every accepted bid from the scheduled end. */
    Instant end() {
        Instant end = terms.endsAt();
        for (Accepted bid : accepted) {
            boolean inWindow = !terms.extendWindow().isZero() && !bid.at().isBefore(end.minus(terms.extendWindow()));
            if (inWindow) {
                Instant wanted = bid.at().plus(terms.extendBy());
                if (terms.latestEnd().isPresent()
                        && wanted.isAfter(terms.latestEnd().get())) {
                    wanted = terms.latestEnd().get();
                }
                if (wanted.isAfter(end)) {
                    end = wanted;
                }
            }
        }
        return end;
    }

    /** Each bidder's bid with their highest maximum, the first one on a tie. */
    private Map<String, Accepted> bestPerBidder() {
        Map<String, Accepted> best = new LinkedHashMap<>();
        for (Accepted bid : accepted) {
            Accepted current = best.get(bid.bidderId());
            if (current == null || bid.maximum() > current.maximum()) {
                best.put(bid.bidderId(), bid);
            }
        }
        return best;
    }

    private long stepAt(long price) {
        if (terms.increment() instanceof Increment.Fixed fixed) {
            return fixed.step();
        }
        List<Tier> tiers = ((Increment.Tiered) terms.increment()).tiers();
        long step = tiers.get(0).step();
        for (Tier tier : tiers) {
            if (tier.from() <= price) {
                step = tier.step();
            }
        }
        return step;
    }
}
