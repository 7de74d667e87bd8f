package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.EnglishAuctionProperties.refusalOf;
import static org.techmarket.listing.domain.Fixtures.START;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.Outcome.Award;

class DutchAuctionProperties {

    /** The clock worked the slow way: walk interval by interval, lowering the price by a step each time. */
    private static long naivePriceAt(DutchTerms terms, Instant at) {
        long price = terms.startPrice();
        Instant tick = terms.startsAt().plus(terms.interval());
        while (!tick.isAfter(at) && !tick.isAfter(terms.endsAt()) && price > terms.floorPrice()) {
            price = Math.max(terms.floorPrice(), price - terms.step());
            tick = tick.plus(terms.interval());
        }
        return price;
    }

    @Test
    void theClockAgreesWithAWalkAndOnlyFalls() {
        SeededCases.check("Dutch clock", 1_000, (random, input) -> {
            long start = 2 + random.nextInt(100_000);
            DutchTerms terms = new DutchTerms(
                    start,
                    1 + random.nextInt(5_000),
                    Duration.ofSeconds(1 + random.nextInt(600)),
                    1 + random.nextInt((int) start - 1),
                    START,
                    START.plus(Duration.ofMinutes(1 + random.nextInt(240))));
            input.add(terms.toString());
            long previous = Long.MAX_VALUE;
            Instant at = START.minusSeconds(60);
            for (int i = 0; i < 100; i++) {
                at = at.plusSeconds(random.nextInt(300));
                long price = terms.priceAt(at);
                input.add(at + " -> " + price);
                assertThat(price)
                        .isEqualTo(naivePriceAt(terms, at))
                        .isBetween(terms.floorPrice(), terms.startPrice())
                        .isLessThanOrEqualTo(previous);
                previous = price;
            }
        });
    }

    @Test
    void theFirstAcceptanceInTheScheduleWinsAtItsPriceAndEveryLaterOneIsRefused() {
        SeededCases.check("Dutch acceptance", 500, (random, input) -> {
            DutchTerms terms = new DutchTerms(
                    10_000,
                    1 + random.nextInt(500),
                    Duration.ofSeconds(60),
                    1_000,
                    START,
                    START.plus(Duration.ofMinutes(30)));
            DutchAuction auction = DutchAuction.open(terms);
            Optional<Award> first = Optional.empty();
            Instant at = START.minusSeconds(120);
            for (int i = 0; i < 20; i++) {
                at = at.plusSeconds(random.nextInt(240));
                AcceptPrice acceptance = new AcceptPrice("a" + i, "bidder" + random.nextInt(4), at);
                input.add(acceptance.toString());
                Optional<String> refusal = refusalOf(() -> auction.acceptPrice(acceptance));
                boolean inSchedule = !at.isBefore(terms.startsAt()) && at.isBefore(terms.endsAt());
                if (first.isEmpty() && inSchedule) {
                    assertThat(refusal).isEmpty();
                    first = Optional.of(new Award(acceptance.bidderId(), terms.priceAt(at)));
                } else {
                    assertThat(refusal).isPresent();
                    assertThat(refusal.get())
                            .isEqualTo(
                                    first.isPresent()
                                            ? "ALREADY_SOLD"
                                            : at.isBefore(terms.startsAt()) ? "AUCTION_NOT_OPEN" : "AUCTION_ENDED");
                }
                assertThat(auction.state().outcome()).isEqualTo(first.map(Outcome.class::cast));
            }
        });
    }
}
