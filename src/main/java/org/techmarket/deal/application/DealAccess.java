package org.techmarket.deal.application;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.deal.PledgeEnforcement;
import org.techmarket.deal.domain.ContractAsset;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.listing.PledgeSales;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Who may see and act on a deal: its two parties, and operators and regulators for reading; a lender reads the deals
 * struck on the sales it listed under its pledges, and signs and delivers for the seller while its loan is in default
 * (ADR 0062). Anyone else is told the deal does not exist, so deal ids reveal nothing.
 */
@Component
class DealAccess {

    /**
     * Who acts on a deal for which party: the party itself, or a lender enforcing its pledge for the seller, whose
     * audit name says so.
     */
    record Acting(Deal deal, String party, Optional<OrganizationSummary> pledgee, String auditName) {}

    private final Deals deals;
    private final Participants participants;
    private final PledgeSales pledgeSales;
    private final PledgeEnforcement enforcement;

    DealAccess(Deals deals, Participants participants, PledgeSales pledgeSales, PledgeEnforcement enforcement) {
        this.deals = deals;
        this.participants = participants;
        this.pledgeSales = pledgeSales;
        this.enforcement = enforcement;
    }

    Deal readable(Actor actor, String dealId) {
        return readable(actor, deals.find(dealId), dealId);
    }

    /** As {@link #readable(Actor, String)}, of the deal already read (or found not to exist). */
    Deal readable(Actor actor, Optional<Deal> found, String dealId) {
        Deal deal = found.orElseThrow(() -> notFound(dealId));
        if (!visible(actor, deal) && !listedUnderPledgeBy(actor, deal)) {
            throw notFound(dealId).hidingExisting();
        }
        return deal;
    }

    /**
     * The deal, locked, for a party's {@code action}, or for the seller's when the actor's organization is a lender
     * enforcing its pledge on the sale of a defaulted loan's collateral. A lender to the seller is refused with 403
     * NOT_THE_PLEDGE_SALE on any other deal and 403 PLEDGE_NOT_ENFORCEABLE while its loan is not in default; anyone
     * else who is not a party is told the deal does not exist.
     */
    Acting lockedForPartyOrPledgee(Actor actor, String dealId, MarketAction action) {
        if (actor.organizationId().isEmpty() || actor.agency().isPresent()) {
            Deal deal = lockedForParty(actor, dealId, action);
            return new Acting(deal, actor.requireOrganization(), Optional.empty(), actor.auditName());
        }
        String organization = actor.organizationId().get();
        Deal deal = deals.lock(dealId).orElseThrow(() -> notFound(dealId));
        if (deal.isParty(organization)) {
            return new Acting(permittedParty(actor, deal, action), organization, Optional.empty(), actor.auditName());
        }
        String seller = deal.seller().organizationId();
        return switch (enforcement.of(organization, seller, deal.listingId())) {
            case ENFORCES ->
                new Acting(
                        deal,
                        seller,
                        Optional.of(participants.permitted(actor, action)),
                        actor.auditNameAsPledgee(seller));
            case NOT_THE_PLEDGE_SALE ->
                throw new Rejection(
                        Rejection.Kind.FORBIDDEN,
                        DealCodes.NOT_THE_PLEDGE_SALE,
                        "Your authority as pledgee covers only the sale of your defaulted loan's pledged assets");
            case NOT_IN_DEFAULT ->
                throw new Rejection(
                        Rejection.Kind.FORBIDDEN,
                        DealCodes.PLEDGE_NOT_ENFORCEABLE,
                        "Your authority as pledgee takes effect only while your loan to the seller is in default");
            case NONE -> throw notFound(dealId).hidingExisting();
        };
    }

    /**
     * The deal, locked for this transaction, when the actor's organization is one of its parties and its status
     * permits {@code action} (403 ORGANIZATION_SUSPENDED, ORGANIZATION_NOT_VERIFIED). Another organization's deal
     * answers 404, recorded as a refused access.
     */
    Deal lockedForParty(Actor actor, String dealId, MarketAction action) {
        if (actor.organizationId().isEmpty()) {
            throw deals.find(dealId).isPresent() ? notFound(dealId).hidingExisting() : notFound(dealId);
        }
        Deal deal = deals.lock(dealId).orElseThrow(() -> notFound(dealId));
        if (!deal.isParty(actor.organizationId().get())) {
            throw notFound(dealId).hidingExisting();
        }
        return permittedParty(actor, deal, action);
    }

    private Deal permittedParty(Actor actor, Deal deal, MarketAction action) {
        requirePermitted(actor, action);
        if (actor.agency().isPresent()) {
            // a broker acts on a deal only when its mandate covers the deal's assets
            participants.permitted(
                    actor,
                    action,
                    deal.assets().stream().map(ContractAsset::assetId).toList());
        }
        return deal;
    }

    /** Refuses the action when the actor acts for an organization whose status does not permit it. */
    void requirePermitted(Actor actor, MarketAction action) {
        if (actor.organizationId().isPresent()) {
            participants.permitted(actor, action);
        }
    }

    static String buyerOnly(Actor actor, Deal deal) {
        if (!actor.belongsTo(deal.buyer().organizationId())) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, DealCodes.NOT_THE_BUYER, "Only the buyer may do this");
        }
        return deal.buyer().organizationId();
    }

    static String sellerOnly(Actor actor, Deal deal) {
        if (!actor.belongsTo(deal.seller().organizationId())) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, DealCodes.NOT_THE_SELLER, "Only the seller may do this");
        }
        return deal.seller().organizationId();
    }

    private boolean listedUnderPledgeBy(Actor actor, Deal deal) {
        return actor.agency().isEmpty()
                && actor.organizationId().isPresent()
                && deal.listingId().flatMap(pledgeSales::pledgeeOf).equals(actor.organizationId());
    }

    private static boolean visible(Actor actor, Deal deal) {
        return actor.seesWholeMarket()
                || actor.organizationId().map(deal::isParty).orElse(false);
    }

    static Rejection notFound(String dealId) {
        return new Rejection(Rejection.Kind.NOT_FOUND, DealCodes.DEAL_NOT_FOUND, "Deal " + dealId + " does not exist");
    }
}
