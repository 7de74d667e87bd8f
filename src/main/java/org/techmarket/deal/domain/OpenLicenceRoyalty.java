package org.techmarket.deal.domain;

import org.techmarket.shared.Money;

/**
 * The running royalty of a deal opened from an open licence whose declared royalty is a share of revenue: the
 * licensee reports quarterly (periods anchored on the licence's first day), within {@value #REPORT_WITHIN_DAYS}
 * days of each quarter's end, and pays the declared rate on the revenue, never less than a quarter of the yearly
 * minimum, rounded half up to the fen (so four quarters' minimums differ from the yearly one by at most two fen).
 */
public final class OpenLicenceRoyalty {

    public static final int REPORT_WITHIN_DAYS = 30;
    private static final int QUARTER_OF_A_YEAR = BasisPoints.WHOLE / 4;

    private OpenLicenceRoyalty() {}

    public static PaymentSchedule.RunningRoyalty quarterly(int rateBasisPoints, Money minimumPerYear) {
        Money minimum =
                new Money(BasisPoints.share(minimumPerYear.minor(), QUARTER_OF_A_YEAR), minimumPerYear.currency());
        return new PaymentSchedule.RunningRoyalty(
                rateBasisPoints, minimum, ReportingPeriod.QUARTERLY, REPORT_WITHIN_DAYS);
    }
}
