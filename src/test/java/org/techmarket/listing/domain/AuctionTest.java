package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.english;
import static org.techmarket.listing.domain.Fixtures.minute;
import static org.techmarket.listing.domain.Fixtures.sealed;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.SealedBidTerms.Pricing;

class AuctionTest {

    @Test
    void opensTheEngineOfEachMechanism() {
        assertThat(Auction.open(english(1_000, Increment.fixed(100)))).isInstanceOf(EnglishAuction.class);
        assertThat(Auction.open(sealed(Pricing.SECOND_PRICE, 1_000, OptionalLong.empty())))
                .isInstanceOf(SealedBidAuction.class);
        assertThat(Auction.open(new DutchTerms(2_000, 100, Duration.ofMinutes(1), 1_000, START, END)))
                .isInstanceOf(DutchAuction.class);
        assertThat(Auction.open(new FixedPriceTerms(1_000, START, END))).isInstanceOf(FixedPriceSale.class);
    }

    @Test
    void replayingAcceptedCommandsRebuildsTheSameState() {
        List<AuctionCommand> commands = List.of(
                PlaceBid.upTo("b1", "alice", 1_000, 4_000, minute(1)),
                PlaceBid.of("b2", "bob", 1_100, minute(2)),
                PlaceBid.upTo("b3", "bob", 1_300, 6_000, minute(3)),
                new CloseAuction(END));
        Auction live = Auction.open(english(1_000, Increment.fixed(100)));
        commands.forEach(live::apply);
        Auction replayed = Auction.replay(live.terms(), commands);
        assertThat(replayed.state()).isEqualTo(live.state());
        assertThat(Auction.rehydrate(live.terms(), live.state()).view(END)).isEqualTo(live.view(END));
    }

    @Test
    void applyRoutesEveryCommand() {
        Auction dutch = Auction.open(new DutchTerms(2_000, 100, Duration.ofMinutes(1), 1_000, START, END));
        assertThat(dutch.apply(new AcceptPrice("a", "alice", minute(3))).outcome())
                .contains(new Outcome.Award("alice", 1_700));
        Auction fixed = Auction.open(new FixedPriceTerms(1_000, START, END));
        assertThat(fixed.apply(new Purchase("p", "bob", minute(3))).outcome())
                .contains(new Outcome.Award("bob", 1_000));
    }

    @Test
    void refusesToRehydrateAStateOfAnotherMechanism() {
        Auction english = Auction.open(english(1_000, Increment.fixed(100)));
        assertThatThrownBy(() -> Auction.rehydrate(new FixedPriceTerms(1_000, START, END), english.state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIXED_PRICE");
    }
}
