package org.techmarket.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of notice the market sends, by its dotted name: the ones this module files for the market's own events
 * and the ones other modules publish as {@code shared.Notice}s. A webhook subscribes to these names and no others.
 */
public enum NoticeKind {
    OUTBID("listing.outbid"),
    AWARDED("listing.awarded"),
    OFFER_RECEIVED("offer.received"),
    SIGNATURE_DUE("deal.signature-due"),
    FUNDING_DUE("deal.funding-due"),
    DELIVERY_DUE("deal.delivery-due"),
    ACCEPTANCE_DUE("deal.acceptance-due"),
    DELIVERY_ACCEPTED("deal.delivery-accepted"),
    DEAL_REGISTERED("deal.registered"),
    DEAL_COMPLETED("deal.completed"),
    DEAL_DISPUTED("deal.disputed"),
    DISPUTE_RESOLVED("deal.dispute-resolved"),
    DEAL_ENDED("deal.ended"),
    PROPOSAL_RECEIVED("proposal.received"),
    CHALLENGE_WON("challenge.won"),
    MILESTONE_DUE("milestone.due"),
    SEARCH_MATCHED("search.matched"),
    FINANCING_OFFER_EXPIRED("financing.offer-expired");

    private final String dotted;

    NoticeKind(String dotted) {
        this.dotted = dotted;
    }

    /** The name webhooks subscribe to and deliveries carry. */
    public String dotted() {
        return dotted;
    }

    public static Optional<NoticeKind> of(String dotted) {
        return Arrays.stream(values()).filter(k -> k.dotted.equals(dotted)).findFirst();
    }
}
