package org.techmarket.deal.domain;

import java.util.List;
import org.techmarket.shared.ChineseAmount;
import org.techmarket.shared.Money;

/**
 * A technology broker named in a contract, acting for the seller or the buyer under its client's mandate. Its
 * commission is the mandate's basis points of the contract price, rounded half up to the fen, never less than the
 * mandate's minimum and never more than the price, and it is paid from escrow when the deal completes: the seller's
 * broker's out of the seller's proceeds, the buyer's broker's out of what the buyer placed in escrow besides the price
 * when it funded the deal.
 */
public record BrokerCommission(
        Side side,
        String brokerId,
        String brokerName,
        String clientId,
        String mandateId,
        int basisPoints,
        Money minimum) {

    /** Whose broker it is. */
    public enum Side {
        SELLER,
        BUYER
    }

    public BrokerCommission {
        Require.present(side, "side");
        Require.text(brokerId, "brokerId", 100);
        Require.text(brokerName, "brokerName", 300);
        Require.present(minimum, "minimum");
        if (basisPoints < 0 || basisPoints > BasisPoints.WHOLE || minimum.minor() < 0) {
            throw new IllegalArgumentException("a commission is 0 to 10000 basis points with a minimum of 0 or more");
        }
    }

    /** What the escrow pays this broker when a deal at {@code price} completes, in fen. */
    public long dueOn(Money price) {
        return on(price.minor(), basisPoints, minimum.minor());
    }

    /** The rate of {@code priceFen} rounded half up, raised to the minimum, cut to the price. */
    static long on(long priceFen, int basisPoints, long minimumFen) {
        long byRate = BasisPoints.share(priceFen, basisPoints);
        return Math.min(priceFen, Math.max(byRate, minimumFen));
    }

    /** The contract with a clause naming each broker and its commission appended to both texts. */
    public static RenderedContract naming(RenderedContract contract, List<BrokerCommission> brokers, Money price) {
        if (brokers.isEmpty()) {
            return contract;
        }
        StringBuilder zh = new StringBuilder(contract.zh()).append("\n技术经理人\n");
        StringBuilder en = new StringBuilder(contract.en()).append("\nTechnology brokers\n");
        for (BrokerCommission broker : brokers) {
            zh.append('\n').append(broker.clauseZh(price)).append('\n');
            en.append('\n').append(broker.clauseEn(price)).append('\n');
        }
        return RenderedContract.of(zh.toString(), en.toString());
    }

    private String clauseZh(Money price) {
        String party = side == Side.SELLER ? "卖方" : "买方";
        String named = party + "委托技术经理人" + brokerName + "（" + brokerId + "）依委托书 " + mandateId + " 代理本合同。";
        long due = dueOn(price);
        String paid = side == Side.SELLER
                ? "于本合同完成时从托管资金中自卖方所得价款支付给技术经理人。"
                : "由买方在向托管账户付款时与价款（或首期价款）一并存入托管账户，于本合同完成时从托管资金中支付给技术经理人。";
        return named + "佣金为合同价款的" + Amounts.percent(basisPoints) + "，不低于" + Amounts.grouped(minimum.minor()) + "元，"
                + "计" + Amounts.grouped(due) + "元（" + ChineseAmount.inWords(due) + "），" + paid;
    }

    private String clauseEn(Money price) {
        String party = side == Side.SELLER ? "The seller" : "The buyer";
        String named = party + " is represented by the technology broker " + brokerName + " (" + brokerId
                + ") under mandate " + mandateId + ".";
        String paid = side == Side.SELLER
                ? ", paid from escrow out of the seller's proceeds when this contract is completed."
                : ", placed in escrow by the buyer together with the price (or its first instalment) when it funds"
                        + " escrow, and paid from escrow to the broker when this contract is completed.";
        return named + " Its commission is " + Amounts.percent(basisPoints) + " of the price, at least "
                + minimum.currency() + " " + Amounts.grouped(minimum.minor()) + ": " + price.currency() + " "
                + Amounts.grouped(dueOn(price)) + paid;
    }
}
