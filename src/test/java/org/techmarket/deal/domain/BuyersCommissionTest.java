package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.techmarket.shared.Rejection;

/**
 * The escrow of a deal with a buyer's broker holds the price and the commission: releasing it pays the broker the
 * commission and the seller the price less the fee; a refund returns both to the buyer; a split pays the broker the
 * contract's rule on the seller's award, the rest of the commission going back to the buyer. Every payout adds up to
 * the escrow, to the fen.
 */
class BuyersCommissionTest {

    /** 1% fee, at least 100.00. */
    private static final Settlement VENUE = new Settlement(100, 10_000, Long.MAX_VALUE);

    /** 3% of 912,345.67, at least 5,000.00: 27,370.37 (of 27,370.3701). */
    private static final BuyersCommission THREE_PERCENT = new BuyersCommission(300, 500_000, 2_737_037);

    private static final long PRICE = 91_234_567;
    private static final long ESCROW = PRICE + 2_737_037;

    @Test
    void releasingPaysTheBrokerItsCommissionAndTheSellerThePriceLessTheFee() {
        Payout payout = THREE_PERCENT.release(VENUE, ESCROW);
        assertThat(payout).isEqualTo(new Payout(PRICE - 912_346, 912_346, 0, 2_737_037));
        assertThat(payout.total()).isEqualTo(ESCROW);
        assertThat(DisputeOutcome.RELEASE.payout(VENUE, THREE_PERCENT, ESCROW, 0))
                .isEqualTo(payout);
    }

    @Test
    void aRefundReturnsThePriceAndTheCommissionToTheBuyer() {
        assertThat(THREE_PERCENT.refund(VENUE, ESCROW)).isEqualTo(new Payout(0, 0, ESCROW, 0));
        assertThat(DisputeOutcome.REFUND.payout(VENUE, THREE_PERCENT, ESCROW, 0))
                .isEqualTo(new Payout(0, 0, ESCROW, 0));
    }

    @Test
    void aSplitPaysTheBrokerTheContractsRuleOnTheSellersAward() {
        // the seller is awarded 600,000.00 of the price: 3% is 18,000.00; the buyer gets back 312,345.67 and 9,370.37
        Payout split = DisputeOutcome.SPLIT.payout(VENUE, THREE_PERCENT, ESCROW, 60_000_000);
        assertThat(split).isEqualTo(new Payout(59_400_000, 600_000, 31_234_567 + 937_037, 1_800_000));
        assertThat(split.total()).isEqualTo(ESCROW);

        // awarded 100,000.00: 3% is 3,000.00, raised to the minimum 5,000.00
        Payout small = DisputeOutcome.SPLIT.payout(VENUE, THREE_PERCENT, ESCROW, 10_000_000);
        assertThat(small.toBuyersBroker()).isEqualTo(500_000);
        assertThat(small.toBuyer()).isEqualTo(PRICE - 10_000_000 + 2_737_037 - 500_000);
        assertThat(small.total()).isEqualTo(ESCROW);

        // awarded 1,000.00: the minimum would exceed the award, so the broker gets the award's amount, no more
        assertThat(DisputeOutcome.SPLIT
                        .payout(VENUE, THREE_PERCENT, ESCROW, 100_000)
                        .toBuyersBroker())
                .isEqualTo(100_000);
    }

    @Test
    void theSellersShareIsOfThePriceNotOfTheCommission() {
        assertThatThrownBy(() -> DisputeOutcome.SPLIT.payout(VENUE, THREE_PERCENT, ESCROW, PRICE))
                .as("the whole price is a release, not a split")
                .isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).code())
                .isEqualTo("INVALID_SPLIT");
        assertThat(DisputeOutcome.SPLIT
                        .payout(VENUE, THREE_PERCENT, ESCROW, PRICE - 1)
                        .toBuyersBroker())
                .isEqualTo(2_737_037);
    }

    @Test
    void withoutABuyersBrokerTheEscrowIsThePriceAlone() {
        assertThat(BuyersCommission.NONE.release(VENUE, PRICE)).isEqualTo(VENUE.release(PRICE));
        assertThat(DisputeOutcome.SPLIT.payout(VENUE, BuyersCommission.NONE, PRICE, 1_000))
                .isEqualTo(VENUE.split(PRICE, 1_000));
    }

    @Test
    void anEscrowWithoutItsCommissionIsABugNotARequest() {
        assertThatThrownBy(() -> THREE_PERCENT.release(VENUE, 2_737_036)).isInstanceOf(IllegalStateException.class);
    }
}
