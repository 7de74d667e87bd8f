package org.techmarket.deal.application;

import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.ContractAsset;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Who may see and act on a deal: its two parties, and operators and regulators for reading. Anyone else is told
 * the deal does not exist, so deal ids reveal nothing.
 */
@Component
class DealAccess {

    private final Deals deals;
    private final Participants participants;

    DealAccess(Deals deals, Participants participants) {
        this.deals = deals;
        this.participants = participants;
    }

    Deal readable(Actor actor, String dealId) {
        Deal deal = deals.find(dealId).orElseThrow(() -> notFound(dealId));
        if (!visible(actor, deal)) {
            throw notFound(dealId).hidingExisting();
        }
        return deal;
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

    private static boolean visible(Actor actor, Deal deal) {
        return actor.seesWholeMarket()
                || actor.organizationId().map(deal::isParty).orElse(false);
    }

    static Rejection notFound(String dealId) {
        return new Rejection(Rejection.Kind.NOT_FOUND, DealCodes.DEAL_NOT_FOUND, "Deal " + dealId + " does not exist");
    }
}
