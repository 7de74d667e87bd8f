package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class SettlementTest {

    private final Settlement venue = new Settlement(250);

    @Test
    void theFeeIsRoundedHalfUpToTheFen() {
        assertThat(venue.fee(125_000_000)).isEqualTo(3_125_000);
        assertThat(venue.fee(1)).isZero(); // 0.025 fen
        assertThat(venue.fee(20)).isEqualTo(1); // 0.5 fen rounds up
        assertThat(venue.fee(19)).isZero(); // 0.475 fen rounds down
        assertThat(new Settlement(1).fee(5_000)).isEqualTo(1);
        assertThat(new Settlement(1).fee(4_999)).isZero();
        assertThat(new Settlement(0).fee(Long.MAX_VALUE)).isZero();
        assertThat(new Settlement(10_000).fee(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void releasePaysTheSellerTheEscrowLessTheFee() {
        assertThat(venue.release(125_000_000)).isEqualTo(new Payout(121_875_000, 3_125_000, 0));
        assertThat(venue.release(0)).isEqualTo(new Payout(0, 0, 0));
    }

    @Test
    void refundReturnsEverythingToTheBuyerWithoutFee() {
        assertThat(venue.refund(125_000_000)).isEqualTo(new Payout(0, 0, 125_000_000));
    }

    @Test
    void aSplitChargesTheFeeOnTheSellersShareOnly() {
        Payout payout = venue.split(100_000_000, 60_000_000);
        assertThat(payout).isEqualTo(new Payout(58_500_000, 1_500_000, 40_000_000));
        assertThat(payout.total()).isEqualTo(100_000_000);
        assertThat(DisputeOutcome.SPLIT.payout(venue, 100_000_000, 60_000_000)).isEqualTo(payout);
        assertThat(DisputeOutcome.RELEASE.payout(venue, 100, 7)).isEqualTo(venue.release(100));
        assertThat(DisputeOutcome.REFUND.payout(venue, 100, 7)).isEqualTo(venue.refund(100));
    }

    @Test
    void aSplitCannotAwardMoreThanTheEscrowOrLessThanNothing() {
        assertThatThrownBy(() -> venue.split(100, 101))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_SPLIT");
        assertThatThrownBy(() -> venue.split(100, -1))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_SPLIT");
        assertThatThrownBy(() -> venue.split(-1, 0))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_AMOUNT");
    }

    @Test
    void aSplitGivesEachSideAPart() {
        assertThat(DisputeOutcome.SPLIT.payout(venue, 100, 1)).isEqualTo(venue.split(100, 1));
        assertThat(DisputeOutcome.SPLIT.payout(venue, 100, 99)).isEqualTo(venue.split(100, 99));
        // Nothing for the seller would complete the deal and pass the rights for free: that is a REFUND.
        assertThatThrownBy(() -> DisputeOutcome.SPLIT.payout(venue, 100, 0))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_SPLIT");
        assertThatThrownBy(() -> DisputeOutcome.SPLIT.payout(venue, 100, 100))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_SPLIT");
    }

    @Test
    void aDefaultForfeitsTheDepositLessTheFeeAndReturnsAnyFurtherFunding() {
        assertThat(venue.forfeit(10_000_000, 10_000_000)).isEqualTo(new Payout(9_750_000, 250_000, 0));
        assertThat(venue.forfeit(30_000_000, 10_000_000)).isEqualTo(new Payout(9_750_000, 250_000, 20_000_000));
        assertThatThrownBy(() -> venue.forfeit(5, 6))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_SPLIT");
    }

    @Test
    void theFeeRateIsZeroToOneHundredPercent() {
        assertThatThrownBy(() -> new Settlement(-1))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_FEE_RATE");
        assertThatThrownBy(() -> new Settlement(10_001))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "INVALID_FEE_RATE");
    }

    @Test
    void aRoyaltyIsTheRateOnRevenueButAtLeastTheMinimum() {
        PaymentSchedule.RunningRoyalty terms = Fixtures.royalty(); // 3.50 %, minimum 50,000.00 per quarter
        assertThat(Settlement.royaltyDue(terms, Money.cny(200_000_000))).isEqualTo(Money.cny(7_000_000));
        assertThat(Settlement.royaltyDue(terms, Money.cny(100_000_000))).isEqualTo(Money.cny(5_000_000));
        assertThat(Settlement.royaltyDue(terms, Money.cny(0))).isEqualTo(Money.cny(5_000_000));
        PaymentSchedule.RunningRoyalty noMinimum =
                new PaymentSchedule.RunningRoyalty(350, Money.cny(0), ReportingPeriod.MONTHLY, 30);
        assertThat(Settlement.royaltyDue(noMinimum, Money.cny(143))).isEqualTo(Money.cny(5)); // 5.005 fen
        assertThat(Settlement.royaltyDue(noMinimum, Money.cny(142))).isEqualTo(Money.cny(5)); // 4.97 fen
        assertThat(Settlement.royaltyDue(noMinimum, Money.cny(14))).isEqualTo(Money.cny(0)); // 0.49 fen
        assertThatThrownBy(() -> Settlement.royaltyDue(terms, new Money(1, "USD")))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "CURRENCY_MISMATCH");
    }

    @Test
    void aDealInPartsPaysItsMinimumOnceAndTheLastPartTruesTheSumUp() {
        Settlement bounded = new Settlement(100, 500_000, 100_000_000);
        assertThat(bounded.fee(10_000_000))
                .as("a payment alone pays the minimum")
                .isEqualTo(500_000);
        assertThat(bounded.partOf(30_000_000, 0).fee(10_000_000)).isEqualTo(166_667);
        assertThat(bounded.partOf(30_000_000, 10_000_000).fee(10_000_001)).isEqualTo(166_666);
        assertThat(bounded.partOf(30_000_000, 20_000_001).fee(9_999_999)).isEqualTo(166_667);
        assertThat(bounded.partOf(30_000_000, 0).release(30_000_000)).isEqualTo(new Payout(29_500_000, 500_000, 0));
    }

    @Test
    void aDealInPartsPaysItsMaximumOnce() {
        Settlement capped = new Settlement(1_000, 0, 2_000_000);
        long[] parts = {7_000_001, 3, 12_999_996, 10_000_000};
        long paid = 0;
        long fees = 0;
        for (long part : parts) {
            long fee = capped.partOf(30_000_000, paid).fee(part);
            assertThat(fee).isBetween(0L, part);
            fees += fee;
            paid += part;
        }
        assertThat(fees).isEqualTo(2_000_000);
        assertThat(capped.fee(10_000_000))
                .as("each payment alone stays under the maximum")
                .isEqualTo(1_000_000);
    }

    @Test
    void theSharesOfAHugeDealDoNotOverflow() {
        Settlement whole = new Settlement(10_000);
        long half = Long.MAX_VALUE / 2;
        assertThat(whole.partOf(Long.MAX_VALUE, 0).fee(half)
                        + whole.partOf(Long.MAX_VALUE, half).fee(Long.MAX_VALUE - half))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void payoutsHaveNoNegativeParts() {
        assertThatThrownBy(() -> new Payout(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
