package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;

/** A broker's commission to the fen, and the contract's clause that names each broker and who pays it. */
class BrokerCommissionTest {

    private static BrokerCommission seller(int basisPoints, long minimumFen) {
        return new BrokerCommission(
                BrokerCommission.Side.SELLER, "b1", "华南技术经纪有限公司", "u1", "m1", basisPoints, Money.cny(minimumFen));
    }

    @Test
    void theCommissionIsTheRateRoundedHalfUpButNeverBelowTheMinimumNorAboveThePrice() {
        assertThat(seller(250, 100_000).dueOn(Money.cny(91_234_567))).isEqualTo(2_280_864); // 2,280,864.175
        assertThat(seller(250, 0).dueOn(Money.cny(2_000_030))).isEqualTo(50_001); // 50,000.75 rounds up
        assertThat(seller(250, 100_000).dueOn(Money.cny(1_000_000))).isEqualTo(100_000);
        assertThat(seller(0, 500_000).dueOn(Money.cny(300_000))).isEqualTo(300_000);
        assertThat(seller(10_000, 0).dueOn(Money.cny(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
        BrokerCommission buyers =
                new BrokerCommission(BrokerCommission.Side.BUYER, "b2", "Broker", "u2", "m2", 300, Money.cny(100));
        assertThat(buyers.dueOn(Money.cny(1_000_000)))
                .as("a buyer's broker's commission follows the same rule")
                .isEqualTo(30_000);
        assertThat(buyers.dueOn(Money.cny(50))).as("never more than the price").isEqualTo(50);
    }

    @Test
    void theContractNamesTheBrokerAndItsCommissionInBothLanguages() {
        RenderedContract plain = RenderedContract.of("合同正文\n", "Contract body\n");
        assertThat(BrokerCommission.naming(plain, List.of(), Money.cny(1))).isEqualTo(plain);

        RenderedContract named = BrokerCommission.naming(plain, List.of(seller(250, 100_000)), Money.cny(91_234_567));
        assertThat(named.zh())
                .contains("卖方委托技术经理人华南技术经纪有限公司（b1）", "委托书 m1", "2.50%", "1,000.00元", "22,808.64元", "贰万贰仟捌佰零捌元陆角肆分");
        assertThat(named.en()).contains("technology broker 华南技术经纪有限公司 (b1) under mandate m1", "CNY 22,808.64");
        assertThat(named.hash()).isNotEqualTo(plain.hash());
        RenderedContract both = BrokerCommission.naming(
                plain,
                List.of(
                        seller(250, 100_000),
                        new BrokerCommission(
                                BrokerCommission.Side.BUYER,
                                "b2",
                                "Jiangsu Tech Brokers",
                                "u2",
                                "m2",
                                300,
                                Money.cny(0))),
                Money.cny(91_234_567));
        assertThat(both.zh())
                .contains("买方委托技术经理人Jiangsu Tech Brokers（b2）", "3.00%", "27,370.37元", "由买方在向托管账户付款时与价款（或首期价款）一并存入托管账户");
        assertThat(both.en())
                .contains(
                        "The buyer is represented by the technology broker Jiangsu Tech Brokers (b2) under mandate m2",
                        "CNY 27,370.37, placed in escrow by the buyer together with the price",
                        "paid from escrow to the broker when this contract is completed");
        assertThat(BrokerCommission.naming(plain, List.of(seller(250, 100_000)), Money.cny(91_234_567)))
                .as("rendering again gives the same bytes")
                .isEqualTo(named);
    }
}
