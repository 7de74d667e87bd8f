package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;

class OpenLicenceRoyaltyTest {

    @Test
    void aQuarterOwesAQuarterOfTheYearlyMinimumRoundedHalfUp() {
        PaymentSchedule.RunningRoyalty even = OpenLicenceRoyalty.quarterly(350, Money.cny(4_000_00));
        assertThat(even.minimumPerPeriod()).isEqualTo(Money.cny(1_000_00));
        assertThat(even.period()).isEqualTo(ReportingPeriod.QUARTERLY);
        assertThat(even.rateBasisPoints()).isEqualTo(350);
        assertThat(even.reportWithinDays()).isEqualTo(OpenLicenceRoyalty.REPORT_WITHIN_DAYS);
        assertThat(OpenLicenceRoyalty.quarterly(1, Money.cny(10)).minimumPerPeriod())
                .isEqualTo(Money.cny(3));
        assertThat(OpenLicenceRoyalty.quarterly(1, Money.cny(6)).minimumPerPeriod())
                .isEqualTo(Money.cny(2));
        assertThat(OpenLicenceRoyalty.quarterly(1, Money.cny(5)).minimumPerPeriod())
                .isEqualTo(Money.cny(1));
    }

    @Test
    void theRoyaltyDueIsTheRateOnRevenueButNeverBelowTheQuarterlyMinimum() {
        PaymentSchedule.RunningRoyalty terms = OpenLicenceRoyalty.quarterly(500, Money.cny(4_000_00));
        assertThat(Settlement.royaltyDue(terms, Money.cny(100_000_00))).isEqualTo(Money.cny(5_000_00));
        assertThat(Settlement.royaltyDue(terms, Money.cny(10_000_00))).isEqualTo(Money.cny(1_000_00));
        assertThat(Settlement.royaltyDue(terms, Money.cny(60_000_33))).isEqualTo(Money.cny(3_000_02));
        assertThat(Settlement.royaltyDue(terms, Money.cny(0))).isEqualTo(Money.cny(1_000_00));
    }
}
