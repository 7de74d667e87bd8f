package org.techmarket.deal.domain;

import java.time.Instant;
import java.util.Optional;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * One offer in the negotiation for a listing. A buyer opens with an offer to the seller; the recipient of an open
 * offer may accept, decline or counter it, and its author may withdraw it, until its deadline: from the deadline
 * instant on it can only expire. A counter closes the offer as COUNTERED and opens a new one the other way, linked
 * to it, one round later. An open offer lapses (EXPIRED, with a reason) when its listing ends before anyone answers
 * it. Offers are values: every step returns the changed offer.
 */
public record Offer(
        String id,
        String listingId,
        Optional<String> previousOfferId,
        int round,
        String buyerId,
        String sellerId,
        String madeBy,
        OfferTerms terms,
        Instant madeAt,
        Instant deadline,
        OfferStatus status,
        Optional<String> statusReason) {

    public Offer {
        Require.text(id, "id", 100);
        Require.text(listingId, "listingId", 100);
        previousOfferId = previousOfferId == null ? Optional.empty() : previousOfferId;
        Require.text(buyerId, "buyerId", 100);
        Require.text(sellerId, "sellerId", 100);
        Require.text(madeBy, "madeBy", 100);
        Require.present(terms, "terms");
        Require.present(madeAt, "madeAt");
        Require.present(deadline, "deadline");
        Require.present(status, "status");
        statusReason = statusReason == null ? Optional.empty() : statusReason;
        if (buyerId.equals(sellerId)) {
            throw Rejection.invalid(DealCodes.SAME_PARTY, "buyerId", "a seller cannot make offers on its own listing");
        }
        if (!madeBy.equals(buyerId) && !madeBy.equals(sellerId)) {
            throw new IllegalArgumentException("an offer is made by its buyer or its seller");
        }
        if (round < 1 || (round == 1) != previousOfferId.isEmpty()) {
            throw new IllegalArgumentException("the first round has no previous offer and every later round has one");
        }
        if (!deadline.isAfter(madeAt)) {
            throw Rejection.invalid(SharedCodes.INVALID_DEADLINE, "deadline", "the deadline must be after the offer");
        }
    }

    /** A buyer's opening offer on a listing. */
    public static Offer open(
            String id,
            String listingId,
            String buyerId,
            String sellerId,
            OfferTerms terms,
            Instant now,
            Instant deadline) {
        return new Offer(
                id,
                listingId,
                Optional.empty(),
                1,
                buyerId,
                sellerId,
                buyerId,
                terms,
                now,
                deadline,
                OfferStatus.OPEN,
                Optional.empty());
    }

    /** The organization this offer awaits an answer from. */
    public String recipient() {
        return madeBy.equals(buyerId) ? sellerId : buyerId;
    }

    /** Whether the deadline has come: at the deadline instant itself the offer can no longer be taken. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(deadline);
    }

    public Offer accept(String byOrganization, Instant now) {
        requireAnswerable(OfferStatus.ACCEPTED, byOrganization, now);
        return withStatus(OfferStatus.ACCEPTED);
    }

    public Offer decline(String byOrganization, Instant now) {
        requireAnswerable(OfferStatus.DECLINED, byOrganization, now);
        return withStatus(OfferStatus.DECLINED);
    }

    /** The author takes back an open offer before anyone answers it. */
    public Offer withdraw(String byOrganization, Instant now) {
        requireOpen(OfferStatus.WITHDRAWN, now);
        if (!madeBy.equals(byOrganization)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    DealCodes.NOT_YOUR_OFFER,
                    "Only the organization that made an offer can withdraw it");
        }
        return withStatus(OfferStatus.WITHDRAWN);
    }

    /** The recipient answers with other terms: this offer is COUNTERED and the new one is OPEN the other way. */
    public Countered counter(
            String counterId, String byOrganization, OfferTerms newTerms, Instant now, Instant newDeadline) {
        requireAnswerable(OfferStatus.COUNTERED, byOrganization, now);
        Offer counter = new Offer(
                counterId,
                listingId,
                Optional.of(id),
                round + 1,
                buyerId,
                sellerId,
                byOrganization,
                newTerms,
                now,
                newDeadline,
                OfferStatus.OPEN,
                Optional.empty());
        return new Countered(withStatus(OfferStatus.COUNTERED), counter);
    }

    /** The offer marked EXPIRED if it is open and its deadline has come; empty when nothing changes. */
    public Optional<Offer> expireIfDue(Instant now) {
        if (status == OfferStatus.OPEN && isExpiredAt(now)) {
            return Optional.of(withStatus(OfferStatus.EXPIRED));
        }
        return Optional.empty();
    }

    /**
     * The offer closed EXPIRED, whatever its deadline, because its listing ended ({@code reason} says how); empty when
     * it is no longer open, so closing the offers of an ended listing twice changes nothing.
     */
    public Optional<Offer> lapse(String reason) {
        Require.text(reason, "reason", 4000);
        if (status != OfferStatus.OPEN) {
            return Optional.empty();
        }
        return Optional.of(new Offer(
                id,
                listingId,
                previousOfferId,
                round,
                buyerId,
                sellerId,
                madeBy,
                terms,
                madeAt,
                deadline,
                status.transitionTo(OfferStatus.EXPIRED),
                Optional.of(reason)));
    }

    /** The result of a counter: the offer answered and the counter-offer made. */
    public record Countered(Offer previous, Offer counter) {}

    private void requireAnswerable(OfferStatus next, String byOrganization, Instant now) {
        requireOpen(next, now);
        if (!recipient().equals(byOrganization)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    DealCodes.NOT_YOUR_OFFER,
                    "Only the organization an offer is made to can answer it");
        }
    }

    /** Refuses a step the table forbids first, then one that comes too late, so answers are given in that order. */
    private void requireOpen(OfferStatus next, Instant now) {
        status.transitionTo(next);
        if (isExpiredAt(now)) {
            throw Rejection.conflict(DealCodes.OFFER_EXPIRED, "The offer expired at " + deadline);
        }
    }

    private Offer withStatus(OfferStatus next) {
        return new Offer(
                id,
                listingId,
                previousOfferId,
                round,
                buyerId,
                sellerId,
                madeBy,
                terms,
                madeAt,
                deadline,
                status.transitionTo(next),
                Optional.empty());
    }
}
