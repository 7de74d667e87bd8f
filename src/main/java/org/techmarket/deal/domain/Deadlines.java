package org.techmarket.deal.domain;

import java.time.Instant;

/**
 * The two deadlines that move a deal without anyone acting: an unfunded signed deal defaults at its funding
 * deadline, and a delivery not accepted or disputed within the acceptance period is accepted. The deadline
 * instant itself is already too late, so a scheduler and a party acting at the same instant agree.
 */
public final class Deadlines {

    private Deadlines() {}

    /** Whether a deal in {@code status} must now be marked DEFAULTED. */
    public static boolean fundingOverdue(DealStatus status, Instant fundingDeadline, Instant now) {
        return status == DealStatus.SIGNED && !now.isBefore(fundingDeadline);
    }

    /** Whether a deal in {@code status} must now be ACCEPTED automatically. */
    public static boolean acceptanceLapsed(DealStatus status, Instant acceptanceDeadline, Instant now) {
        return status == DealStatus.DELIVERED && !now.isBefore(acceptanceDeadline);
    }
}
