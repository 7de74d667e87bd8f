package org.techmarket.participant.application;

import org.techmarket.audit.AuditEventType;

/**
 * The events the participant module records in the audit log, each constant named as the type it is stored under.
 */
enum ParticipantEvents implements AuditEventType {
    OrganizationRegistered,
    OrganizationVerified,
    OrganizationParticularsChanged,
    UserAdded,
    UserDeactivated,
    UserReactivated,
    TokenIssued,
    TokenRevoked,
    AccountUnlocked,
    VenueOpened,
    MandateProposed,
    MandateConfirmed,
    MandateRevoked,
    BrokerQualificationRecorded,
    RegulatorProvincesLimited
}
