package org.techmarket.participant;

import java.time.LocalDate;

/** An individual's broker qualification (技术经理人 certificate) as an operator recorded it. */
public record BrokerQualification(String organizationId, String number, String issuer, LocalDate issuedOn) {}
