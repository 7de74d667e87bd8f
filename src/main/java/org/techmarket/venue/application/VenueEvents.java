package org.techmarket.venue.application;

import org.techmarket.audit.AuditEventType;

/** The events the venue module records in the audit log, each constant named as the type it is stored under. */
enum VenueEvents implements AuditEventType {
    FeeScheduleSet,
    RulebookPublished,
    CrossListingRequested,
    CrossListingApproved,
    VerificationConcernRaised
}
