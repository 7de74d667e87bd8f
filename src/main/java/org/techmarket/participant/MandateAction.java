package org.techmarket.participant;

import java.util.Optional;

/**
 * What a client lets its broker do in its name. Each market action a broker may take belongs to one of these; the
 * rest (paying, delivering, disputing, administering the client) stay with the client's own people.
 */
public enum MandateAction {
    /** Drafting, submitting and withdrawing the client's listings, and posting its needs. */
    LIST,
    /** Bidding, accepting a Dutch price and buying at a fixed price. */
    BID,
    /** Making, countering, accepting, declining and withdrawing offers, and proposing contracts. */
    NEGOTIATE,
    /** Signing the client's contracts. */
    SIGN;

    /** The mandate action that covers {@code action}; empty when no mandate lets a broker take it. */
    public static Optional<MandateAction> covering(MarketAction action) {
        return Optional.ofNullable(
                switch (action) {
                    case CREATE_LISTING, SUBMIT_LISTING, WITHDRAW_LISTING, POST_NEED -> LIST;
                    case BID, ACCEPT_PRICE, PURCHASE -> BID;
                    case MAKE_OFFER, COUNTER_OFFER, ACCEPT_OFFER, DECLINE_OFFER, WITHDRAW_OFFER, PROPOSE_CONTRACT ->
                        NEGOTIATE;
                    case SIGN_DEAL -> SIGN;
                    default -> null;
                });
    }
}
