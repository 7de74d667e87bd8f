package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.minute;
import static org.techmarket.listing.domain.Fixtures.second;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.listing.domain.AuctionEvent.AuctionClosed;
import org.techmarket.listing.domain.AuctionEvent.PriceAccepted;
import org.techmarket.listing.domain.Outcome.Award;
import org.techmarket.listing.domain.Outcome.Unsold;
import org.techmarket.listing.domain.Outcome.UnsoldReason;

class DutchAuctionTest {

    // 10,000 fen falling by 500 every minute to a floor of 7,200.
    private final DutchAuction auction =
            DutchAuction.open(new DutchTerms(10_000, 500, Duration.ofMinutes(1), 7_200, START, END));

    @ParameterizedTest(name = "{0} s after the start the price is {1}")
    @CsvSource({
        "-60, 10000",
        "0, 10000",
        "59, 10000",
        "60, 9500",
        "119, 9500",
        "120, 9000",
        "300, 7500",
        "359, 7500",
        "360, 7200",
        "3599, 7200",
        "3600, 7200",
        "99999, 7200"
    })
    void theClockFallsByAStepEachFullIntervalDownToTheFloor(long seconds, long price) {
        assertThat(auction.priceAt(second(seconds))).isEqualTo(price);
    }

    @Test
    void theClockNeverOverflowsOnALongFineSchedule() {
        DutchTerms fine = new DutchTerms(
                AuctionRefusals.MAX_AMOUNT, 1, Duration.ofNanos(1), 1, START, START.plus(Duration.ofDays(365)));
        assertThat(fine.priceAt(START.plus(Duration.ofDays(300)))).isEqualTo(1);
        assertThat(fine.priceAt(Instant.MAX)).isEqualTo(1);
        assertThat(fine.priceAt(START.plusNanos(1_000))).isEqualTo(AuctionRefusals.MAX_AMOUNT - 1_000);
    }

    @Test
    void theFirstAcceptanceWinsAtThePriceOfItsMoment() {
        AuctionResult result = auction.acceptPrice(new AcceptPrice("a1", "alice", second(330)));
        Award award = new Award("alice", 7_500);
        assertThat(result.events())
                .isEqualTo(List.of(
                        new PriceAccepted("a1", "alice", 7_500, second(330)), new AuctionClosed(award, second(330))));
        assertThat(result.outcome()).contains(award);
        assertThat(result.view().currentPrice()).hasValue(7_500);
        assertThat(result.view().leaderId()).contains("alice");
        assertRefused(() -> auction.acceptPrice(new AcceptPrice("a2", "bob", second(331))), "ALREADY_SOLD");
        assertRefused(() -> auction.close(END), "ALREADY_CLOSED");
    }

    @Test
    void acceptancesAreTakenOnlyWhileTheClockRuns() {
        assertRefused(
                () -> auction.acceptPrice(new AcceptPrice("a", "alice", START.minusNanos(1))), "AUCTION_NOT_OPEN");
        assertRefused(() -> auction.acceptPrice(new AcceptPrice("a", "alice", END)), "AUCTION_ENDED");
        assertThat(auction.acceptPrice(new AcceptPrice("a", "alice", START)).outcome())
                .contains(new Award("alice", 10_000));
    }

    @Test
    void nobodyAcceptingLeavesItUnsold() {
        assertRefused(() -> auction.close(minute(59)), "AUCTION_NOT_ENDED");
        assertThat(auction.close(END).outcome()).contains(new Unsold(UnsoldReason.NO_BIDS));
        assertRefused(() -> auction.acceptPrice(new AcceptPrice("a", "alice", minute(59))), "AUCTION_ENDED");
        assertThat(auction.view(END).currentPrice()).isEmpty();
    }

    @Test
    void theViewShowsTheClockWhileItRuns() {
        assertThat(auction.view(second(61)).currentPrice()).hasValue(9_500);
        assertThat(auction.view(second(61)).bidCount()).hasValue(0);
    }

    @Test
    void refusesBidsAndPurchases() {
        assertRefused(() -> auction.placeBid(PlaceBid.of("b", "alice", 9_000, minute(1))), "WRONG_MECHANISM");
        assertRefused(() -> auction.purchase(new Purchase("p", "alice", minute(1))), "WRONG_MECHANISM");
    }
}
