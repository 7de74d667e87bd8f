package org.techmarket.venue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class FeeScheduleTest {

    private static FeeSchedule schedule(List<FeeSchedule.Rate> rates) {
        return FeeSchedule.propose(1, 100, rates, Money.cny(0), Money.cny(1_000_00), 3000);
    }

    @Test
    void theMostParticularRateApplies() {
        FeeSchedule s = schedule(List.of(
                new FeeSchedule.Rate("ENGLISH", "TRANSFER", 250),
                new FeeSchedule.Rate("ENGLISH", "*", 220),
                new FeeSchedule.Rate("*", "LICENSING", 120)));
        assertThat(s.basisPointsFor("ENGLISH", "TRANSFER")).isEqualTo(250);
        assertThat(s.basisPointsFor("ENGLISH", "LICENSING")).isEqualTo(220);
        assertThat(s.basisPointsFor("DUTCH", "LICENSING")).isEqualTo(120);
        assertThat(s.basisPointsFor("DUTCH", "TRANSFER")).isEqualTo(100);
    }

    @Test
    void anyAnyRateStandsBeforeTheDefault() {
        assertThat(schedule(List.of(new FeeSchedule.Rate("*", "*", 7))).basisPointsFor("DUTCH", "SERVICE"))
                .isEqualTo(7);
    }

    @Test
    void refusesNegativeAndTooLargeBasisPoints() {
        assertThat(code(() -> FeeSchedule.propose(1, -1, List.of(), Money.cny(0), Money.cny(1), 0)))
                .isEqualTo("INVALID_BASIS_POINTS");
        assertThat(code(() -> FeeSchedule.propose(1, 1, List.of(), Money.cny(0), Money.cny(1), 10_001)))
                .isEqualTo("INVALID_BASIS_POINTS");
        assertThat(code(() -> schedule(List.of(new FeeSchedule.Rate("ENGLISH", "*", -5)))))
                .isEqualTo("INVALID_BASIS_POINTS");
    }

    @Test
    void refusesAMinimumAboveTheMaximumAndMissingBounds() {
        assertThat(code(() -> FeeSchedule.propose(1, 1, List.of(), Money.cny(2), Money.cny(1), 0)))
                .isEqualTo("FEE_MINIMUM_ABOVE_MAXIMUM");
        assertThat(code(() -> FeeSchedule.propose(1, 1, List.of(), null, Money.cny(1), 0)))
                .isEqualTo("INVALID_FEE_BOUNDS");
    }

    @Test
    void refusesUnknownMechanismsContractTypesAndRepeatedRates() {
        assertThat(code(() -> schedule(List.of(new FeeSchedule.Rate("RAFFLE", "*", 5)))))
                .isEqualTo("UNKNOWN_MECHANISM");
        assertThat(code(() -> schedule(List.of(new FeeSchedule.Rate("*", "GIFT", 5)))))
                .isEqualTo("UNKNOWN_CONTRACT_TYPE");
        assertThat(code(() -> schedule(
                        List.of(new FeeSchedule.Rate("DUTCH", "*", 5), new FeeSchedule.Rate("DUTCH", "*", 6)))))
                .isEqualTo("DUPLICATE_FEE_RATE");
    }

    @Test
    void aRulebookIsHashedOverItsText() {
        Rulebook r = Rulebook.publish(2, " Rules ", "abc");
        assertThat(r.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(r.title()).isEqualTo("Rules");
        assertThat(code(() -> Rulebook.publish(1, "Rules", " "))).isEqualTo("RULEBOOK_REQUIRED");
    }

    private static String code(ThrowingCallable proposal) {
        Throwable refused = catchThrowable(proposal);
        assertThat(refused).isInstanceOf(Rejection.class);
        return ((Rejection) refused).code();
    }
}
