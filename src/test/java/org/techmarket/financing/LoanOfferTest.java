package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.financing.domain.Collateral;
import org.techmarket.financing.domain.FinancingRequest;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.domain.OfferStatus;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class LoanOfferTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static final FinancingRequest REQUEST = FinancingRequest.ask(
            "r",
            "owner",
            Money.cny(100_000),
            3,
            "pilot line",
            NOW,
            List.of(new Collateral("a", Optional.empty(), Optional.empty())),
            Set.of("owner"));

    private static LoanOffer offer(Instant validUntil) {
        return LoanOffer.make("o", REQUEST, "bank", 450, 6000, 3, validUntil, NOW);
    }

    @Test
    void anOfferStandsFourteenDaysByDefaultAndTheLenderMaySetAnHourToNinetyDays() {
        assertThat(offer(null).validUntil()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(offer(NOW.plus(Duration.ofHours(1))).validUntil()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(offer(NOW.plus(Duration.ofDays(90))).validUntil()).isEqualTo(NOW.plus(Duration.ofDays(90)));
        for (Instant bad : List.of(
                NOW,
                NOW.minusSeconds(1),
                NOW.plus(Duration.ofMinutes(59)),
                NOW.plus(Duration.ofDays(90)).plusSeconds(1))) {
            assertThatThrownBy(() -> offer(bad))
                    .as("%s", bad)
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_OFFER_VALIDITY"));
        }
    }

    @Test
    void fromItsValidUntilOnAnOfferCannotBeAcceptedEvenBeforeItIsMarkedExpired() {
        LoanOffer offer = offer(NOW.plus(Duration.ofHours(2)));
        Instant until = offer.validUntil();
        assertThat(offer.accept(until.minusNanos(1000)).status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThatThrownBy(() -> offer.accept(until))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("FINANCING_OFFER_EXPIRED"));
        assertThatThrownBy(() -> offer.expire(until.minusNanos(1000))).isInstanceOf(IllegalStateException.class);
        LoanOffer expired = offer.expire(until);
        assertThat(expired.status()).isEqualTo(OfferStatus.EXPIRED);
        assertThatThrownBy(() -> expired.accept(until))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("FINANCING_OFFER_EXPIRED"));
        assertThatThrownBy(() -> offer.lapse().expire(until))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("FINANCING_OFFER_NOT_OPEN"));
    }

    static Stream<Arguments> pairs() {
        return EnumSet.allOf(OfferStatus.class).stream()
                .flatMap(from -> EnumSet.allOf(OfferStatus.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void everyOfferStatusMoveIsAllowedOrRefusedByTheTable(OfferStatus from, OfferStatus to) {
        Set<OfferStatus> allowed = from == OfferStatus.OPEN
                ? EnumSet.of(OfferStatus.ACCEPTED, OfferStatus.LAPSED, OfferStatus.EXPIRED)
                : EnumSet.noneOf(OfferStatus.class);
        if (allowed.contains(to)) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(
                            Rejection.class,
                            r -> assertThat(r.code())
                                    .isEqualTo(
                                            from == OfferStatus.EXPIRED
                                                    ? "FINANCING_OFFER_EXPIRED"
                                                    : "FINANCING_OFFER_NOT_OPEN"));
        }
    }
}
