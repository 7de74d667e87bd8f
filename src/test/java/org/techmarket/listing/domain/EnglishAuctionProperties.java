package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.Increment.Tier;
import org.techmarket.listing.domain.NaiveEnglishAuction.Accepted;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.shared.Rejection;

class EnglishAuctionProperties {

    private static final int CASES = 1_000;

    /** The engine and the naive reference side by side over one random sequence, checked after every step. */
    private static final class Run {
        final EnglishTerms terms;
        final EnglishAuction engine;
        final NaiveEnglishAuction naive;
        final List<AuctionCommand> acceptedCommands = new ArrayList<>();
        final Set<String> reached;
        long lastPrice;
        Instant lastEnd;

        Run(EnglishTerms terms, Set<String> reached) {
            this.terms = terms;
            this.reached = reached;
            this.engine = EnglishAuction.open(terms);
            this.naive = new NaiveEnglishAuction(terms);
            this.lastPrice = terms.startPrice();
            this.lastEnd = terms.endsAt();
        }
    }

    @Test
    void theEngineAgreesWithTheNaiveReferenceAndKeepsItsInvariants() {
        Set<String> reached = new HashSet<>();
        SeededCases.check("English auction", CASES, (random, input) -> {
            Run run = new Run(randomTerms(random), reached);
            input.add(run.terms.toString());
            int bidders = 2 + random.nextInt(4);
            int commands = 1 + random.nextInt(60);
            Instant at = START.minusSeconds(120);
            for (int i = 0; i < commands; i++) {
                at = at.plusSeconds(random.nextInt(150));
                PlaceBid bid = randomBid(random, run, "b" + i, bidders, at);
                input.add(bid.toString());
                step(run, bid);
            }
            Instant closeAt =
                    run.engine.state().endsAt().isAfter(at) ? run.engine.state().endsAt() : at;
            input.add("close at " + closeAt);
            checkClose(run, closeAt);
        });
        // Guards against a generator that silently stops reaching a rule.
        assertThat(reached)
                .contains(
                        "accepted",
                        "AUCTION_ENDED",
                        "AUCTION_NOT_OPEN",
                        "BID_BELOW_MINIMUM",
                        "MAXIMUM_NOT_RAISED",
                        "LeaderChanged",
                        "PriceRaised",
                        "ReserveMet",
                        "AuctionExtended",
                        "tie",
                        "Award",
                        "Unsold");
    }

    private static EnglishTerms randomTerms(Random random) {
        long start = 1 + random.nextInt(5_000);
        OptionalLong reserve =
                random.nextInt(10) < 4 ? OptionalLong.of(start + random.nextInt(20_000)) : OptionalLong.empty();
        Duration window = random.nextBoolean() ? Duration.ZERO : Duration.ofMinutes(1 + random.nextInt(10));
        Duration extendBy = Duration.ofMinutes(random.nextInt(16));
        Optional<Instant> cap =
                random.nextBoolean() ? Optional.of(END.plus(Duration.ofMinutes(random.nextInt(30)))) : Optional.empty();
        return new EnglishTerms(start, reserve, randomIncrement(random, start), START, END, window, extendBy, cap);
    }

    private static Increment randomIncrement(Random random, long start) {
        if (random.nextBoolean()) {
            return Increment.fixed(1 + random.nextInt(500));
        }
        List<Tier> tiers = new ArrayList<>();
        long from = random.nextInt((int) start + 1);
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            tiers.add(new Tier(from, 1 + random.nextInt(500)));
            from += 1 + random.nextInt(10_000);
        }
        return Increment.tiered(tiers);
    }

    /** A bid near the current minimum, sometimes below it, sometimes from the leader, often with a maximum. */
    private static PlaceBid randomBid(Random random, Run run, String bidId, int bidders, Instant at) {
        Optional<String> leader = run.engine.view(at).leaderId();
        String bidder = leader.isPresent() && random.nextInt(5) == 0
                ? leader.get()
                : String.valueOf((char) ('A' + random.nextInt(bidders)));
        long scale = 1 + random.nextInt(400);
        long amount = Math.max(1, run.engine.minimumBid() + scale * (random.nextInt(8) - 2));
        if (random.nextBoolean()) {
            return PlaceBid.upTo(bidId, bidder, amount, amount + random.nextInt(6_000), at);
        }
        return PlaceBid.of(bidId, bidder, amount, at);
    }

    private static void step(Run run, PlaceBid bid) {
        Optional<String> expected = run.naive.placeBid(bid);
        List<AuctionEvent> events = new ArrayList<>();
        Optional<String> actual =
                refusalOf(() -> events.addAll(run.engine.placeBid(bid).events()));
        events.forEach(event -> run.reached.add(event.getClass().getSimpleName()));
        assertThat(actual).as("refusal of %s", bid).isEqualTo(expected);
        run.reached.add(actual.orElse("accepted"));
        if (actual.isEmpty()) {
            run.acceptedCommands.add(bid);
            if (run.engine.state().runnerUpMaximum().orElse(-1)
                    == run.engine.state().leader().get().maximum()) {
                run.reached.add("tie");
            }
        }
        EnglishState state = run.engine.state();
        if (state.bidCount() > 0) {
            assertThat(state.currentPrice()).as("price").isEqualTo(run.naive.price());
            assertThat(state.leader().orElseThrow().bidderId())
                    .as("leader")
                    .isEqualTo(run.naive.leadingBid().orElseThrow().bidderId());
            assertThat(state.currentPrice())
                    .as("price within the leader's maximum")
                    .isLessThanOrEqualTo(state.leader().orElseThrow().maximum())
                    .isGreaterThanOrEqualTo(run.terms.startPrice());
            // No bidder other than the leader was willing to pay more than the price.
            state.runnerUpMaximum()
                    .ifPresent(second -> assertThat(state.currentPrice()).isGreaterThanOrEqualTo(second));
        }
        assertThat(run.engine.minimumBid()).as("minimum bid").isEqualTo(run.naive.minimumBid());
        assertThat(state.endsAt()).as("end").isEqualTo(run.naive.end());
        assertThat(state.currentPrice()).as("price never falls").isGreaterThanOrEqualTo(run.lastPrice);
        assertThat(state.endsAt()).as("end only moves forward").isAfterOrEqualTo(run.lastEnd);
        assertThat(state.endsAt())
                .as("end within the cap")
                .isBeforeOrEqualTo(run.terms.latestEnd().orElse(Instant.MAX));
        run.lastPrice = state.currentPrice();
        run.lastEnd = state.endsAt();
    }

    private static void checkClose(Run run, Instant closeAt) {
        Outcome outcome = run.engine.close(closeAt).outcome().orElseThrow();
        run.reached.add(outcome.getClass().getSimpleName());
        run.acceptedCommands.add(new CloseAuction(closeAt));
        assertThat(outcome).as("outcome").isEqualTo(run.naive.close(closeAt).orElseThrow());
        if (outcome instanceof Award award) {
            checkWinnerIsTheHighestValidBidder(run.naive.accepted(), award);
        }
        Auction replayed = Auction.replay(run.terms, run.acceptedCommands);
        assertThat(replayed.state()).as("replay of the accepted commands").isEqualTo(run.engine.state());
    }

    private static void checkWinnerIsTheHighestValidBidder(List<Accepted> accepted, Award award) {
        long winnerMaximum = accepted.stream()
                .filter(bid -> bid.bidderId().equals(award.winnerId()))
                .mapToLong(Accepted::maximum)
                .max()
                .orElseThrow();
        int winnerFirstAtMaximum = indexOf(accepted, award.winnerId(), winnerMaximum);
        for (int i = 0; i < accepted.size(); i++) {
            Accepted bid = accepted.get(i);
            assertThat(bid.maximum()).as("no maximum above the winner's").isLessThanOrEqualTo(winnerMaximum);
            if (bid.maximum() == winnerMaximum && !bid.bidderId().equals(award.winnerId())) {
                assertThat(i)
                        .as("an equal maximum came later than the winner's")
                        .isGreaterThan(winnerFirstAtMaximum);
            }
        }
        assertThat(award.price()).as("price within the winner's maximum").isLessThanOrEqualTo(winnerMaximum);
    }

    private static int indexOf(List<Accepted> accepted, String bidderId, long maximum) {
        for (int i = 0; i < accepted.size(); i++) {
            if (accepted.get(i).bidderId().equals(bidderId) && accepted.get(i).maximum() == maximum) {
                return i;
            }
        }
        throw new AssertionError("no bid of " + bidderId + " at " + maximum);
    }

    @Test
    void aRehydratedAuctionContinuesExactlyAsTheLiveOne() {
        SeededCases.check("English re-hydration", 300, (random, input) -> {
            Run run = new Run(randomTerms(random), new HashSet<>());
            input.add(run.terms.toString());
            EnglishAuction copy = null;
            Instant at = START;
            for (int i = 0; i < 40; i++) {
                at = at.plusSeconds(random.nextInt(100));
                PlaceBid bid = randomBid(random, run, "b" + i, 4, at);
                input.add(bid.toString());
                if (i == 10) {
                    copy = EnglishAuction.rehydrate(run.terms, run.engine.state());
                }
                Optional<String> live = refusalOf(() -> run.engine.placeBid(bid));
                if (copy != null) {
                    EnglishAuction rebuilt = copy;
                    assertThat(refusalOf(() -> rebuilt.placeBid(bid))).isEqualTo(live);
                    assertThat(rebuilt.state()).isEqualTo(run.engine.state());
                }
            }
        });
    }

    static Optional<String> refusalOf(Runnable command) {
        try {
            command.run();
            return Optional.empty();
        } catch (Rejection rejection) {
            return Optional.of(rejection.code());
        }
    }
}
