package org.techmarket.participant;

import java.util.Collection;
import java.util.Optional;
import org.techmarket.shared.Actor;

/** Brokers acting for clients, as the market's other modules see it. */
public interface Brokerage {

    /**
     * For a broker acting for the actor's organization: its mandate must grant {@code action} and cover the listing's
     * assets (403 MANDATE_SCOPE_EXCLUDES), and the broker acts on {@code listingId} for this one client. A broker acts
     * for one client per listing: 403 BROKER_ACTS_FOR_ANOTHER_CLIENT when it already acted there for another, also
     * when the two requests race. Nothing for an actor acting for its own organization.
     */
    void actOnListing(Actor actor, MarketAction action, String listingId, Collection<String> assetIds);

    /** An individual's broker qualification, when an operator recorded one. */
    Optional<BrokerQualification> qualification(String organizationId);

    /** The broker that acted for {@code clientId} on {@code listingId}, with its mandate's commission. */
    Optional<BrokerTerms> brokerOn(String listingId, String clientId);
}
