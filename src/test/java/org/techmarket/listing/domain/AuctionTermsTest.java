package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.END;
import static org.techmarket.listing.domain.Fixtures.START;
import static org.techmarket.listing.domain.Fixtures.assertInvalidMechanism;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.techmarket.listing.domain.Increment.Tier;
import org.techmarket.listing.domain.SealedBidTerms.Pricing;

class AuctionTermsTest {

    private static final Increment STEP = Increment.fixed(100);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static EnglishTerms english(
            long start,
            OptionalLong reserve,
            Increment increment,
            Instant endsAt,
            Duration window,
            Duration extendBy,
            Optional<Instant> latestEnd) {
        return new EnglishTerms(start, reserve, increment, START, endsAt, window, extendBy, latestEnd);
    }

    @Test
    void acceptsWellFormedTermsOfEveryMechanism() {
        assertThat(english(1_000, OptionalLong.of(1_000), STEP, END, FIVE_MINUTES, FIVE_MINUTES, Optional.of(END))
                        .type())
                .isEqualTo(MechanismType.ENGLISH);
        assertThat(new SealedBidTerms(Pricing.FIRST_PRICE, 1, OptionalLong.empty(), START, END).type())
                .isEqualTo(MechanismType.SEALED_FIRST_PRICE);
        assertThat(new SealedBidTerms(Pricing.SECOND_PRICE, 1, OptionalLong.empty(), START, END).type())
                .isEqualTo(MechanismType.SEALED_SECOND_PRICE);
        assertThat(new DutchTerms(1_000, 10, Duration.ofSeconds(1), 1, START, END).type())
                .isEqualTo(MechanismType.DUTCH);
        assertThat(new FixedPriceTerms(1, START, END).type()).isEqualTo(MechanismType.FIXED_PRICE);
    }

    @Test
    void refusesEnglishPricesThatAreNotPositiveOrAbsurd() {
        Optional<Instant> none = Optional.empty();
        assertInvalidMechanism(
                () -> english(0, OptionalLong.empty(), STEP, END, Duration.ZERO, Duration.ZERO, none),
                "mechanism.startPrice");
        assertInvalidMechanism(
                () -> english(
                        AuctionRefusals.MAX_AMOUNT + 1,
                        OptionalLong.empty(),
                        STEP,
                        END,
                        Duration.ZERO,
                        Duration.ZERO,
                        none),
                "mechanism.startPrice");
        assertInvalidMechanism(
                () -> english(1_000, OptionalLong.of(999), STEP, END, Duration.ZERO, Duration.ZERO, none),
                "mechanism.reservePrice");
        assertInvalidMechanism(
                () -> english(1_000, OptionalLong.of(0), STEP, END, Duration.ZERO, Duration.ZERO, none),
                "mechanism.reservePrice");
    }

    @Test
    void refusesAScheduleOfStepsThatStartsAboveTheStartPrice() {
        Increment tiers = Increment.tiered(List.of(new Tier(2_000, 100)));
        assertInvalidMechanism(
                () -> english(1_000, OptionalLong.empty(), tiers, END, Duration.ZERO, Duration.ZERO, Optional.empty()),
                "mechanism.increments[0].from");
    }

    @Test
    void refusesEnglishSchedulesAndSoftClosesThatMakeNoSense() {
        OptionalLong none = OptionalLong.empty();
        Optional<Instant> noCap = Optional.empty();
        assertInvalidMechanism(
                () -> english(1_000, none, STEP, START, Duration.ZERO, Duration.ZERO, noCap), "mechanism.endsAt");
        assertInvalidMechanism(
                () -> english(1_000, none, STEP, START.minusSeconds(1), Duration.ZERO, Duration.ZERO, noCap),
                "mechanism.endsAt");
        assertInvalidMechanism(
                () -> english(1_000, none, STEP, END, Duration.ofSeconds(-1), Duration.ZERO, noCap),
                "mechanism.extendWindowSeconds");
        assertInvalidMechanism(
                () -> english(1_000, none, STEP, END, Duration.ZERO, Duration.ofSeconds(-1), noCap),
                "mechanism.extendBySeconds");
        assertInvalidMechanism(
                () -> english(1_000, none, STEP, END, FIVE_MINUTES, FIVE_MINUTES, Optional.of(END.minusSeconds(1))),
                "mechanism.latestEnd");
    }

    @Test
    void refusesSealedTermsWithoutAPositiveStartOrWithAReserveBelowIt() {
        assertInvalidMechanism(
                () -> new SealedBidTerms(Pricing.SECOND_PRICE, 0, OptionalLong.empty(), START, END),
                "mechanism.startPrice");
        assertInvalidMechanism(
                () -> new SealedBidTerms(Pricing.SECOND_PRICE, 500, OptionalLong.of(499), START, END),
                "mechanism.reservePrice");
        assertInvalidMechanism(
                () -> new SealedBidTerms(Pricing.FIRST_PRICE, 500, OptionalLong.empty(), END, START),
                "mechanism.endsAt");
    }

    @Test
    void refusesDutchClocksThatCannotFall() {
        Duration minute = Duration.ofMinutes(1);
        assertInvalidMechanism(
                () -> new DutchTerms(1_000, 10, minute, 1_000, START, END), "mechanism.dutch.floorPrice");
        assertInvalidMechanism(() -> new DutchTerms(1_000, 10, minute, 0, START, END), "mechanism.dutch.floorPrice");
        assertInvalidMechanism(() -> new DutchTerms(1_000, 0, minute, 10, START, END), "mechanism.dutch.step");
        assertInvalidMechanism(
                () -> new DutchTerms(1_000, 10, Duration.ZERO, 10, START, END), "mechanism.dutch.intervalSeconds");
        assertInvalidMechanism(
                () -> new DutchTerms(1_000, 10, Duration.ofNanos(1), 10, START, Instant.MAX),
                "mechanism.dutch.intervalSeconds");
        assertInvalidMechanism(() -> new DutchTerms(0, 10, minute, 10, START, END), "mechanism.startPrice");
        assertInvalidMechanism(() -> new DutchTerms(1_000, 10, minute, 10, END, END), "mechanism.endsAt");
    }

    @Test
    void refusesAFixedPriceThatIsNotPositive() {
        assertInvalidMechanism(() -> new FixedPriceTerms(0, START, END), "mechanism.startPrice");
        assertInvalidMechanism(() -> new FixedPriceTerms(100, END, START), "mechanism.endsAt");
    }
}
