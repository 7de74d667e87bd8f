package org.techmarket.valuation.domain;

/** The three approaches to an intangible asset's value named by the Chinese appraisal standard and by IVS 210. */
public enum Approach {
    MARKET,
    INCOME,
    COST
}
