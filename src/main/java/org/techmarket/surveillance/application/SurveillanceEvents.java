package org.techmarket.surveillance.application;

import org.techmarket.audit.AuditEventType;

/** The events surveillance records in the audit log, each constant named as the type it is stored under. */
enum SurveillanceEvents implements AuditEventType {
    AlertRaised,
    AlertReviewed
}
