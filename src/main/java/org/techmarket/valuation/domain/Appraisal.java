package org.techmarket.valuation.domain;

import java.util.List;

/**
 * One appraisal of an asset as at a date: the three approaches on the requester's inputs and the market's comparable
 * deals, and their reconciliation. It is a value: the same inputs and deals always give the same report.
 */
public record Appraisal(
        Subject subject,
        ValuationInputs inputs,
        MarketApproach.Result market,
        IncomeApproach.Result income,
        Indication cost,
        Reconciliation.Result reconciliation) {

    /** Values {@code subject}; refused with NO_VALUATION_EVIDENCE when no approach gives an indication. */
    public static Appraisal of(Subject subject, ValuationInputs inputs, List<ComparableDeal> comparables) {
        MarketApproach.Result market = MarketApproach.value(subject, inputs.valuationDate(), comparables);
        IncomeApproach.Result income = IncomeApproach.value(subject, inputs, comparables);
        Indication cost = CostApproach.value(inputs);
        Reconciliation.Result reconciled =
                Reconciliation.of(market.indication(), market.comparables().size(), income.indication(), cost);
        return new Appraisal(subject, inputs, market, income, cost, reconciled);
    }
}
