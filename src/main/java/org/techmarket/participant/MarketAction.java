package org.techmarket.participant;

/**
 * Every state change an organization's people make in the market, as the participant registry decides whether the
 * organization's status allows it ({@link OrganizationStatus#permits}). Reading, logging in and revoking one's own
 * tokens are not actions: every status may do them. Operators' and regulators' own steps are not organization
 * actions either.
 */
public enum MarketAction {
    /** An organization admin adds a user to the organization. */
    ADD_USER,
    /** Registering a technology asset in the registry. */
    REGISTER_ASSET,
    /** Registering a patent-backed asset, or making a registered asset one: a claim to a patent number. */
    REGISTER_PATENT,
    /** A named co-owner confirming or declining its share of a registered asset. */
    ANSWER_CO_OWNERSHIP,
    /** Contesting another organization's registration of an asset. */
    CONTEST_OWNERSHIP,
    /** Changing a registered asset's description. */
    UPDATE_ASSET,
    /** Asking to withdraw available funds to the bank. */
    CASH_OUT,
    /** Withdrawing one's own cash-out request (an operator refusing it is the operator's step). */
    CANCEL_CASH_OUT,
    /** Drafting a listing. */
    CREATE_LISTING,
    /** Submitting a draft listing for approval, which offers it to the market. */
    SUBMIT_LISTING,
    /** The seller withdrawing its listing. */
    WITHDRAW_LISTING,
    /** Bidding in an auction. */
    BID,
    /** Accepting a Dutch auction's current price. */
    ACCEPT_PRICE,
    /** Buying a fixed-price listing. */
    PURCHASE,
    /** Making an offer on a negotiated listing. */
    MAKE_OFFER,
    /** Countering an offer. */
    COUNTER_OFFER,
    /** Accepting an offer, which concludes the listing. */
    ACCEPT_OFFER,
    /** Declining an offer. */
    DECLINE_OFFER,
    /** The author withdrawing its offer. */
    WITHDRAW_OFFER,
    /** Granting rights in an owned asset. */
    GRANT,
    /** Terminating a grant. */
    TERMINATE_GRANT,
    /** Declaring or replacing an open licence. */
    DECLARE_OPEN_LICENCE,
    /** Withdrawing an open licence declaration. */
    WITHDRAW_OPEN_LICENCE,
    /** Taking an open licence. */
    TAKE_OPEN_LICENCE,
    /** Posting a technology need or challenge, publishing, closing it or selecting a challenge's winner. */
    POST_NEED,
    /** Proposing a development, consulting or service contract, or a solution to a challenge. */
    PROPOSE_CONTRACT,
    /** Signing a deal's contract. */
    SIGN_DEAL,
    /** Funding a deal's escrow. */
    FUND_DEAL,
    /** Paying a deal's instalment. */
    PAY_INSTALMENT,
    /** The seller delivering. */
    DELIVER,
    /** The buyer accepting a delivery. */
    ACCEPT_DELIVERY,
    /** The seller offering a defaulted deal to the runner-up. */
    OFFER_TO_RUNNER_UP,
    /** Cancelling a deal, proposing a cancellation by agreement or confirming one. */
    CANCEL_DEAL,
    /** Terminating a completed licence deal. */
    TERMINATE_LICENCE,
    /** Registering a signed technology contract with the venue. */
    REGISTER_CONTRACT,
    /** Disputing a funded or delivered deal, which freezes its escrow. */
    DISPUTE,
    /** Reporting a period's revenue and paying its royalty. */
    REPORT_ROYALTY
}
