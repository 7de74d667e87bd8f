/**
 * The market's public events sent out to Kafka (ADR 0042): listings published, bids, awards, deal steps, contract
 * registrations and grants, one topic per event, keyed by the listing, deal or asset they are about. Off unless
 * {@code techmarket.kafka.bootstrap-servers} is set.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit"})
package org.techmarket.outbound;
