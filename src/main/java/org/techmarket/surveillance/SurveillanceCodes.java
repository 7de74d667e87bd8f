package org.techmarket.surveillance;

import org.techmarket.shared.ProblemCode;

/** The codes with which surveillance refuses a review of an alert or a read of alerts. */
public enum SurveillanceCodes implements ProblemCode {
    /** No alert has this id. */
    ALERT_NOT_FOUND,
    /** The alert's lifecycle does not allow this move from where it stands. */
    ALERT_TRANSITION_NOT_ALLOWED,
    /** The status named is not one of OPEN, UNDER_REVIEW, DISMISSED, CONFIRMED. */
    UNKNOWN_ALERT_STATUS,
    /** The kind named is not one of the detectors' kinds. */
    UNKNOWN_ALERT_KIND,
    /** A review moves an alert only with a note saying why, and a suspension needs a reason. */
    NOTE_REQUIRED,
    /** A suspension follows only from a CONFIRMED alert. */
    ALERT_NOT_CONFIRMED,
    /** A suspension may name only one of the alert's parties. */
    NOT_A_PARTY
}
