package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;

/** An accepted offer's payment goes into the event as dated parts and comes back as the schedule it was. */
class OfferAcceptedTest {

    private static final LocalDate DAY = LocalDate.parse("2026-04-01");

    private static OfferAccepted carrying(PaymentSchedule payment) {
        return new OfferAccepted(
                "offer-1",
                "listing-1",
                "venue-1",
                "seller-1",
                "buyer-1",
                List.of("asset-1"),
                GrantKind.ASSIGNMENT,
                Optional.empty(),
                Money.cny(500_000_00),
                payment.kind(),
                OfferAccepted.partsOf(payment),
                Optional.of("hold-1"),
                Instant.parse("2026-03-01T08:00:00Z"));
    }

    @Test
    void aLumpSumComesBackALumpSumDueOnItsDay() {
        PaymentSchedule lump = new PaymentSchedule.LumpSum(Money.cny(500_000_00), DAY);
        assertThat(carrying(lump).paymentParts()).hasSize(1);
        assertThat(carrying(lump).payment()).isEqualTo(lump);
    }

    @Test
    void instalmentsComeBackInTheirOrder() {
        PaymentSchedule parts = new PaymentSchedule.Instalments(List.of(
                new PaymentSchedule.Instalment(Money.cny(200_000_00), DAY),
                new PaymentSchedule.Instalment(Money.cny(300_000_00), DAY.plusDays(90))));
        assertThat(carrying(parts).payment()).isEqualTo(parts);
    }

    @Test
    void anOfferIsNeverPaidByRoyalty() {
        PaymentSchedule royalty = new PaymentSchedule.RunningRoyalty(300, Money.cny(0), ReportingPeriod.QUARTERLY, 30);
        assertThatThrownBy(() -> OfferAccepted.partsOf(royalty)).isInstanceOf(IllegalArgumentException.class);
    }
}
