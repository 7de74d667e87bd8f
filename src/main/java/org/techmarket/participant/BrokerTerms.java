package org.techmarket.participant;

import org.techmarket.shared.Money;

/** The broker a client acted through on a listing, and the commission its mandate states. */
public record BrokerTerms(
        String brokerId, String brokerName, String clientId, String mandateId, int basisPoints, Money minimum) {}
