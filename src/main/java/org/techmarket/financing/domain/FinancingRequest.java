package org.techmarket.financing.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * An owner's request for a loan against its assets. Every owner of every asset pledges it, so a request naming
 * co-owned assets waits for each co-owner's consent (AWAITING_CONSENT) before lenders may offer (OPEN); accepting an
 * offer FUNDS it, once. Its amount is positive fen, its term 1 to 120 months, its purpose plain text.
 */
public record FinancingRequest(
        String id,
        String ownerId,
        Money amount,
        int termMonths,
        String purpose,
        RequestStatus status,
        Instant createdAt,
        List<Collateral> collateral,
        Set<String> pledgors,
        Set<String> consented) {

    public static final int MAX_ASSETS = 20;
    public static final int MAX_TERM_MONTHS = 120;
    public static final int MAX_PURPOSE = 1000;

    public FinancingRequest {
        collateral = List.copyOf(collateral);
        pledgors = Set.copyOf(pledgors);
        consented = Set.copyOf(consented);
        if (!pledgors.containsAll(consented) || !consented.contains(ownerId)) {
            throw new IllegalArgumentException("request " + id + ": consents " + consented + " of " + pledgors);
        }
    }

    /** Checks what an owner asks for; every refusal is a 4xx naming the field. */
    public static void requireValid(List<String> assetIds, Money amount, Integer termMonths, String purpose) {
        if (assetIds == null
                || assetIds.isEmpty()
                || assetIds.size() > MAX_ASSETS
                || assetIds.stream().anyMatch(a -> a == null || a.isBlank())
                || new HashSet<>(assetIds).size() != assetIds.size()) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_COLLATERAL,
                    "assetIds",
                    "1 to " + MAX_ASSETS + " distinct asset ids are required");
        }
        if (amount == null) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "amount", "the amount to borrow is required");
        }
        amount.requirePositive("amount");
        requireTerm(termMonths);
        if (amount.minor() < termMonths) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_AMOUNT, "amount", "the amount must be at least one fen for each month");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_LOAN_PURPOSE,
                    "purpose",
                    "a purpose of 1 to " + MAX_PURPOSE + " characters is required");
        }
    }

    /** A term of 1 to 120 whole months. */
    public static void requireTerm(Integer termMonths) {
        if (termMonths == null || termMonths < 1 || termMonths > MAX_TERM_MONTHS) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_LOAN_TERM,
                    "termMonths",
                    "a term of 1 to " + MAX_TERM_MONTHS + " months is required");
        }
    }

    /** A new request: OPEN at once when the requester owns every asset alone, else awaiting the co-owners. */
    public static FinancingRequest ask(
            String id,
            String ownerId,
            Money amount,
            int termMonths,
            String purpose,
            Instant at,
            List<Collateral> collateral,
            Set<String> pledgors) {
        RequestStatus status = pledgors.equals(Set.of(ownerId)) ? RequestStatus.OPEN : RequestStatus.AWAITING_CONSENT;
        return new FinancingRequest(
                id, ownerId, amount, termMonths, purpose.strip(), status, at, collateral, pledgors, Set.of(ownerId));
    }

    /** The co-owners who have still to consent. */
    public Set<String> awaiting() {
        Set<String> waiting = new HashSet<>(pledgors);
        waiting.removeAll(consented);
        return waiting;
    }

    /** The request with {@code owner}'s consent; OPEN once every co-owner has given it. Giving it again changes nothing. */
    public FinancingRequest consent(String owner) {
        if (!pledgors.contains(owner)) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN,
                    FinancingCodes.NOT_A_PLEDGOR,
                    "Only an owner of the request's assets may consent to pledging them");
        }
        if (consented.contains(owner)) {
            return this;
        }
        Set<String> all = new HashSet<>(consented);
        all.add(owner);
        RequestStatus next = all.equals(pledgors) ? status.transitionTo(RequestStatus.OPEN) : status;
        return new FinancingRequest(
                id, ownerId, amount, termMonths, purpose, next, createdAt, collateral, pledgors, all);
    }

    /** The request funded by an accepted offer; refused (REQUEST_NOT_OPEN) unless it is OPEN. */
    public FinancingRequest fund() {
        return new FinancingRequest(
                id,
                ownerId,
                amount,
                termMonths,
                purpose,
                status.transitionTo(RequestStatus.FUNDED),
                createdAt,
                collateral,
                pledgors,
                consented);
    }

    /** Refuses a new offer unless the request is OPEN. */
    public void requireOpen() {
        if (status != RequestStatus.OPEN) {
            throw Rejection.conflict(
                    FinancingCodes.REQUEST_NOT_OPEN, "The financing request is " + status + "; it takes no offers");
        }
    }

    /** The collateral's value by its valuations, when every asset has one. */
    public Optional<Money> collateralValue() {
        if (collateral.stream().anyMatch(c -> c.valuation().isEmpty())) {
            return Optional.empty();
        }
        long sum = 0;
        for (Collateral c : collateral) {
            Money value = c.valuation().orElseThrow();
            if (!value.currency().equals(amount.currency())) {
                return Optional.empty();
            }
            sum = Math.addExact(sum, value.minor());
        }
        return Optional.of(Money.of(sum, amount.currency()));
    }
}
