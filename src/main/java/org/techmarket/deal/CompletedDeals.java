package org.techmarket.deal;

import java.util.List;

/** What the market's completed deals add up to, as other modules may read it. */
public interface CompletedDeals {

    /**
     * Completed deals (licences since terminated included) by future industry and currency, in one statement. A deal
     * counts once, at its full price, in each industry its assets are tagged with, so industries' values may add up
     * to more than the market's; a deal whose assets carry no tag counts under {@code OTHER}.
     */
    List<IndustryDealValue> valueByIndustry();
}
