package org.techmarket.valuation.domain;

/** Why an asset is valued: the use the report is for, as an appraisal states it. */
public enum ValuationPurpose {
    TRANSFER,
    LICENSING,
    PLEDGE,
    CAPITAL_CONTRIBUTION,
    FINANCIAL_REPORTING,
    LITIGATION,
    TAXATION,
    OTHER
}
