package org.techmarket.deal.domain;

import java.time.LocalDate;

/** One reporting period of a running royalty, numbered from 1, from its first day to its last day inclusive. */
public record RoyaltyPeriod(int number, LocalDate firstDay, LocalDate lastDay) {

    public RoyaltyPeriod {
        if (number < 1 || firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("a royalty period is numbered from 1 and ends on or after its start");
        }
    }
}
