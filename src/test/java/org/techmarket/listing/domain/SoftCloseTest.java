package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertRefused;
import static org.techmarket.listing.domain.Fixtures.minute;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.AuctionEvent.AuctionExtended;

class SoftCloseTest {

    // Ends at minute 60; a bid in the last 5 minutes moves the end to 10 minutes after it, never past minute 80.
    private final EnglishAuction auction = EnglishAuction.open(new EnglishTerms(
            1_000,
            OptionalLong.empty(),
            Increment.fixed(100),
            START,
            END,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Optional.of(minute(80))));
    private long amount = 1_000;

    private AuctionResult bidAt(Instant at) {
        AuctionResult result =
                auction.placeBid(PlaceBid.of("b" + amount, amount % 200 == 0 ? "alice" : "bob", amount, at));
        amount += 100;
        return result;
    }

    @Test
    void aBidBeforeTheWindowLeavesTheEndAlone() {
        AuctionResult result = bidAt(minute(55).minusNanos(1));
        assertThat(result.view().endsAt()).isEqualTo(END);
        assertThat(result.events()).noneMatch(AuctionExtended.class::isInstance);
    }

    @Test
    void bidsInTheWindowMoveTheEndForwardUpToTheCap() {
        AuctionResult first = bidAt(minute(55));
        assertThat(first.view().endsAt()).isEqualTo(minute(65));
        assertThat(first.events()).contains(new AuctionExtended(END, minute(65), minute(55)));

        assertThat(bidAt(minute(64)).view().endsAt()).isEqualTo(minute(74));
        AuctionResult capped = bidAt(minute(73));
        assertThat(capped.view().endsAt()).isEqualTo(minute(80));
        assertThat(capped.events()).contains(new AuctionExtended(minute(74), minute(80), minute(73)));

        AuctionResult atCap = bidAt(minute(79));
        assertThat(atCap.view().endsAt()).isEqualTo(minute(80));
        assertThat(atCap.events()).noneMatch(AuctionExtended.class::isInstance);

        assertRefused(() -> bidAt(minute(80)), "AUCTION_ENDED");
        assertRefused(() -> auction.close(minute(79)), "AUCTION_NOT_ENDED");
        assertThat(auction.close(minute(80)).outcome()).isPresent();
    }

    @Test
    void theEndNeverMovesBackWhenTheExtensionIsShorterThanTheWindow() {
        EnglishAuction shortExtension = EnglishAuction.open(new EnglishTerms(
                1_000,
                OptionalLong.empty(),
                Increment.fixed(100),
                START,
                END,
                Duration.ofMinutes(10),
                Duration.ofMinutes(2),
                Optional.empty()));
        AuctionResult early = shortExtension.placeBid(PlaceBid.of("b1", "alice", 1_000, minute(51)));
        assertThat(early.view().endsAt()).isEqualTo(END);
        AuctionResult late = shortExtension.placeBid(PlaceBid.of("b2", "bob", 1_100, minute(59)));
        assertThat(late.view().endsAt()).isEqualTo(minute(61));
    }

    @Test
    void withoutACapTheEndFollowsTheBids() {
        EnglishAuction uncapped = EnglishAuction.open(new EnglishTerms(
                1_000,
                OptionalLong.empty(),
                Increment.fixed(100),
                START,
                END,
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                Optional.empty()));
        Instant at = minute(59);
        for (int i = 0; i < 10; i++) {
            uncapped.placeBid(PlaceBid.of("b" + i, i % 2 == 0 ? "alice" : "bob", 1_000 + 100L * i, at));
            at = at.plus(Duration.ofMinutes(4));
        }
        assertThat(uncapped.state().endsAt()).isEqualTo(minute(59 + 36 + 5));
    }

    @Test
    void aLeaderRaisingTheirMaximumInTheWindowAlsoExtends() {
        auction.placeBid(PlaceBid.upTo("b1", "alice", 1_000, 3_000, minute(10)));
        AuctionResult raise = auction.placeBid(PlaceBid.upTo("b2", "alice", 1_100, 4_000, minute(58)));
        assertThat(raise.view().endsAt()).isEqualTo(minute(68));
    }
}
