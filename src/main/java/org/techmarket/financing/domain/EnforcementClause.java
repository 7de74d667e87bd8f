package org.techmarket.financing.domain;

/**
 * The clause of every loan agreement by which the owner, accepting a lender's offer, grants the lender the authority
 * to enforce its pledge (ADR 0062): stated in the offer the owner accepts and in the loan, in both languages.
 */
public record EnforcementClause(String zh, String en) {

    /** The clause as every offer and loan states it. */
    public static final EnforcementClause OF_EVERY_LOAN = new EnforcementClause(
            "出质人不可撤销地授权质权人：借款违约后，质权人可就其出售质押资产的交易，以质权人自己的机构密钥代出质人签署合同并记录交付；"
                    + "该授权仅限于质押资产，仅限于签署和交付，自违约起生效，借款结清时终止；价款仍归出质人，先清偿本借款，余额归出质人。",
            "The owner irrevocably authorises the lender, once the loan is in default, to sign the contract and record"
                    + " the delivery for the owner, with the lender's own organization key, on the deal that sells the"
                    + " pledged assets; the authority covers only the pledged assets and only signing and delivery,"
                    + " takes effect on default and ends when the loan is settled; the price remains the owner's,"
                    + " repaying this loan first and the rest to the owner.");
}
