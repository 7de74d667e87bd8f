package org.techmarket.listing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.listing.domain.Fixtures.assertInvalidMechanism;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.listing.domain.Increment.Tier;

class IncrementTest {

    private final Increment schedule =
            Increment.tiered(List.of(new Tier(0, 100), new Tier(5_000, 500), new Tier(20_000, 1_000)));

    @Test
    void aFixedStepIsTheSameAtEveryPrice() {
        assertThat(Increment.fixed(250).stepAt(1)).isEqualTo(250);
        assertThat(Increment.fixed(250).stepAt(AuctionRefusals.MAX_AMOUNT)).isEqualTo(250);
    }

    @ParameterizedTest(name = "at {0} the step is {1}")
    @CsvSource({
        "0, 100",
        "1, 100",
        "4999, 100",
        "5000, 500",
        "5001, 500",
        "19999, 500",
        "20000, 1000",
        "1000000000, 1000"
    })
    void theTierWithTheGreatestFromNotAboveThePriceApplies(long price, long step) {
        assertThat(schedule.stepAt(price)).isEqualTo(step);
    }

    @Test
    void aPriceBelowTheFirstTierUsesTheFirstStep() {
        Increment later = Increment.tiered(List.of(new Tier(1_000, 50), new Tier(2_000, 80)));
        assertThat(later.stepAt(10)).isEqualTo(50);
    }

    @Test
    void aLongScheduleIsSearchedCorrectly() {
        List<Tier> tiers = java.util.stream.LongStream.range(0, 1_000)
                .mapToObj(i -> new Tier(i * 10, i + 1))
                .toList();
        Increment many = Increment.tiered(tiers);
        for (long price = 0; price < 10_050; price += 7) {
            assertThat(many.stepAt(price)).as("step at %d", price).isEqualTo(Math.min(price / 10, 999) + 1);
        }
    }

    @Test
    void refusesStepsThatAreNotPositive() {
        assertInvalidMechanism(() -> Increment.fixed(0), "mechanism.increment");
        assertInvalidMechanism(() -> Increment.fixed(-5), "mechanism.increment");
        assertInvalidMechanism(
                () -> Increment.tiered(List.of(new Tier(0, 100), new Tier(500, 0))), "mechanism.increments[1].step");
    }

    @Test
    void refusesSchedulesThatAreEmptyUnsortedOrRepeated() {
        assertInvalidMechanism(() -> Increment.tiered(List.of()), "mechanism.increments");
        assertInvalidMechanism(
                () -> Increment.tiered(List.of(new Tier(500, 10), new Tier(100, 20))), "mechanism.increments[1].from");
        assertInvalidMechanism(
                () -> Increment.tiered(List.of(new Tier(0, 10), new Tier(0, 20))), "mechanism.increments[1].from");
        assertInvalidMechanism(() -> Increment.tiered(List.of(new Tier(-1, 10))), "mechanism.increments[0].from");
    }
}
