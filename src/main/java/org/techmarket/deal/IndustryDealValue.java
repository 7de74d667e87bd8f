package org.techmarket.deal;

import org.techmarket.shared.Money;

/** The number and value of completed deals in one future industry (by its name) and one currency. */
public record IndustryDealValue(String industry, long deals, Money value) {}
