package org.techmarket.deal.domain;

/** How often a licensee reports revenue and pays a running royalty. */
public enum ReportingPeriod {
    MONTHLY(1),
    QUARTERLY(3),
    YEARLY(12);

    private final int months;

    ReportingPeriod(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
