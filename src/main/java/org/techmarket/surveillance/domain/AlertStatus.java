package org.techmarket.surveillance.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.techmarket.shared.Rejection;
import org.techmarket.surveillance.SurveillanceCodes;

/**
 * Where an alert stands. A detector raises it OPEN; a reviewer takes it UNDER_REVIEW, or decides it at once; it ends
 * DISMISSED (no abuse) or CONFIRMED (abuse, which may lead to a suspension). A decided alert stays decided.
 */
public enum AlertStatus {
    OPEN,
    UNDER_REVIEW,
    DISMISSED,
    CONFIRMED;

    private static final Map<AlertStatus, Set<AlertStatus>> TRANSITIONS = Map.of(
            OPEN, EnumSet.of(UNDER_REVIEW, DISMISSED, CONFIRMED),
            UNDER_REVIEW, EnumSet.of(DISMISSED, CONFIRMED),
            DISMISSED, EnumSet.noneOf(AlertStatus.class),
            CONFIRMED, EnumSet.noneOf(AlertStatus.class));

    public boolean canBecome(AlertStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The status after moving to {@code next}, or a refusal ALERT_TRANSITION_NOT_ALLOWED. */
    public AlertStatus transitionTo(AlertStatus next) {
        if (!canBecome(next)) {
            throw Rejection.conflict(
                    SurveillanceCodes.ALERT_TRANSITION_NOT_ALLOWED,
                    "An alert that is " + this + " cannot become " + next);
        }
        return next;
    }

    /** The status named by {@code text}, or a refusal UNKNOWN_ALERT_STATUS naming {@code field}. */
    public static AlertStatus parse(String text, String field) {
        for (AlertStatus status : values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        throw Rejection.invalid(
                SurveillanceCodes.UNKNOWN_ALERT_STATUS,
                field,
                "must be one of OPEN, UNDER_REVIEW, DISMISSED, CONFIRMED");
    }
}
