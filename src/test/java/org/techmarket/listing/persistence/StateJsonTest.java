package org.techmarket.listing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.listing.domain.AuctionState;
import org.techmarket.listing.domain.EnglishState;
import org.techmarket.listing.domain.Outcome;
import org.techmarket.listing.domain.SaleState;
import org.techmarket.listing.domain.SealedBid;
import org.techmarket.listing.domain.SealedState;

/** The engine's state as stored text: read back whole, and the state a bid wrote read back without a parse. */
class StateJsonTest {

    private static final Instant END = Instant.parse("2026-12-07T10:15:30.123456Z");

    static Stream<AuctionState> states() {
        return Stream.of(
                new EnglishState(0, Optional.empty(), OptionalLong.empty(), 100_000, END, Optional.empty()),
                new EnglishState(
                        3,
                        Optional.of(new EnglishState.Leader("org-a", 250_000, "bid-3")),
                        OptionalLong.of(190_000),
                        200_000,
                        END,
                        Optional.empty()),
                new EnglishState(
                        1,
                        Optional.of(new EnglishState.Leader("org-b", 120_000, "bid-1")),
                        OptionalLong.empty(),
                        100_000,
                        END,
                        Optional.of(new Outcome.Award("org-b", 100_000))),
                new SealedState(
                        List.of(
                                new SealedBid("bid-1", "org-a", 5_000, 1, END),
                                new SealedBid("bid-2", "org-b", 7_000, 2, END)),
                        2,
                        Optional.empty()),
                new SaleState(Optional.of(new Outcome.Unsold(Outcome.UnsoldReason.NO_BIDS))),
                new SaleState(Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("states")
    void aStateReadFromItsTextIsTheStateThatWroteIt(AuctionState state) {
        String text = StateJson.write(state);

        // Parsed afresh, as another node that did not write it reads it: what a kept state is read in place of.
        assertThat(StateJson.read(new String(text.toCharArray()) + " ")).isEqualTo(state);
        assertThat(StateJson.read(text)).isEqualTo(state);
    }

    @Test
    void aStateWrittenIsReadBackAsTheSameValueWithoutBeingParsed() {
        AuctionState written = new EnglishState(
                2,
                Optional.of(new EnglishState.Leader("org-c", 330_000, "bid-kept")),
                OptionalLong.of(300_000),
                301_000,
                END,
                Optional.empty());

        assertThat(StateJson.read(StateJson.write(written))).isSameAs(written);
    }

    @Test
    void aSealedStateTooLongToKeepIsParsedOnEveryRead() {
        List<SealedBid> bids = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            bids.add(new SealedBid("bid-" + i, "org-" + i, 1_000L * i, i, END));
        }
        SealedState state = new SealedState(bids, 40, Optional.empty());
        String text = StateJson.write(state);

        assertThat(text.length()).isGreaterThan(StateJson.KEPT_LENGTH);
        assertThat(StateJson.read(text)).isEqualTo(state).isNotSameAs(state);
    }
}
