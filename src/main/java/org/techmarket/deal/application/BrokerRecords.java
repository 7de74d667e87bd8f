package org.techmarket.deal.application;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.persistence.DealBrokers;
import org.techmarket.participant.BrokerQualification;
import org.techmarket.participant.Brokerage;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Rejection;

/**
 * A technology broker's public record: who it is, its qualification when it is an individual, the deals whose
 * contracts name it, how many completed and for how much, and how many were disputed. Read in a constant number of
 * statements whatever the number of deals.
 */
@Service
public class BrokerRecords {

    private final Participants participants;
    private final Brokerage brokerage;
    private final DealBrokers brokers;

    BrokerRecords(Participants participants, Brokerage brokerage, DealBrokers brokers) {
        this.participants = participants;
        this.brokerage = brokerage;
        this.brokers = brokers;
    }

    /** A broker's record, as anyone may read it. */
    public record BrokerRecord(
            OrganizationSummary broker, Optional<BrokerQualification> qualification, DealBrokers.Record deals) {}

    /** The record of a BROKER organization or a qualified individual; 404 for anyone else. */
    @Transactional(readOnly = true)
    public BrokerRecord of(String brokerId) {
        OrganizationSummary broker =
                participants.organization(brokerId).orElseThrow(() -> Rejection.notFound("Broker", brokerId));
        Optional<BrokerQualification> qualification =
                broker.type() == OrganizationType.INDIVIDUAL ? brokerage.qualification(brokerId) : Optional.empty();
        if (broker.type() != OrganizationType.BROKER && qualification.isEmpty()) {
            throw Rejection.notFound("Broker", brokerId);
        }
        return new BrokerRecord(broker, qualification, brokers.record(brokerId));
    }
}
