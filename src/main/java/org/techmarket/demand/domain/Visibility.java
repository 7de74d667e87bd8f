package org.techmarket.demand.domain;

/** Who may read a published need: anyone, or verified organizations (and the market's operators and regulators). */
public enum Visibility {
    PUBLIC,
    VERIFIED_ONLY
}
