package org.techmarket.financing.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * A lender's offer on an open request: a yearly rate and a loan-to-value ratio, both in basis points, and a term.
 * It lends the amount asked, or less when the collateral has valuations: at most their sum times the ratio, rounded
 * down to the fen. It stands until {@code validUntil} (by default {@link #DEFAULT_VALIDITY} after it is made; the
 * lender may set from {@link #MIN_VALIDITY} to {@link #MAX_VALIDITY}). OPEN until the owner accepts it or another
 * offer, or its time runs out: then ACCEPTED, LAPSED or EXPIRED. From {@code validUntil} on it cannot be accepted,
 * whether or not it has been marked EXPIRED yet.
 */
public record LoanOffer(
        String id,
        String requestId,
        String lenderId,
        int rateBp,
        int loanToValueBp,
        int termMonths,
        Money principal,
        OfferStatus status,
        Instant createdAt,
        Instant validUntil) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    public static final Duration MIN_VALIDITY = Duration.ofHours(1);
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);

    public LoanOffer {
        if (!validUntil.isAfter(createdAt)) {
            throw new IllegalArgumentException(
                    "offer " + id + " is valid until " + validUntil + ", before it was made");
        }
    }

    /**
     * Makes the offer on {@code request}, which must be OPEN, standing until {@code validUntil} or, when that is null,
     * {@link #DEFAULT_VALIDITY}; refuses rates and ratios outside 1 to 10,000 bp and a validity out of bounds.
     */
    public static LoanOffer make(
            String id,
            FinancingRequest request,
            String lenderId,
            Integer rateBp,
            Integer loanToValueBp,
            Integer termMonths,
            Instant validUntil,
            Instant at) {
        request.requireOpen();
        Instant until = validUntil == null ? at.plus(DEFAULT_VALIDITY) : validUntil;
        if (until.isBefore(at.plus(MIN_VALIDITY)) || until.isAfter(at.plus(MAX_VALIDITY))) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_OFFER_VALIDITY,
                    "validUntil",
                    "an offer stands from " + MIN_VALIDITY.toHours() + " hour to " + MAX_VALIDITY.toDays()
                            + " days after it is made");
        }
        if (rateBp == null || rateBp < 1 || rateBp > 10_000) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_RATE, "rate", "a yearly rate of 1 to 10000 basis points is required");
        }
        if (loanToValueBp == null || loanToValueBp < 1 || loanToValueBp > 10_000) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_LOAN_TO_VALUE,
                    "loanToValue",
                    "a loan-to-value ratio of 1 to 10000 basis points is required");
        }
        FinancingRequest.requireTerm(termMonths);
        long lent = request.collateralValue()
                .map(value -> Math.min(request.amount().minor(), share(value.minor(), loanToValueBp)))
                .orElse(request.amount().minor());
        if (lent < termMonths) {
            throw Rejection.invalid(
                    FinancingCodes.INVALID_LOAN_TO_VALUE,
                    "loanToValue",
                    "at this ratio the collateral's valuation secures too little to lend over " + termMonths
                            + " months");
        }
        return new LoanOffer(
                id,
                request.id(),
                lenderId,
                rateBp,
                loanToValueBp,
                termMonths,
                Money.of(lent, request.amount().currency()),
                OfferStatus.OPEN,
                at,
                until);
    }

    /** Whether the offer's time has run out at {@code now}. */
    public boolean hasRunOutAt(Instant now) {
        return !now.isBefore(validUntil);
    }

    /**
     * The owner accepts the offer at {@code now}; refused FINANCING_OFFER_EXPIRED once its time has run out, and
     * FINANCING_OFFER_NOT_OPEN when it is otherwise not OPEN.
     */
    public LoanOffer accept(Instant now) {
        if (status == OfferStatus.OPEN && hasRunOutAt(now)) {
            throw Rejection.conflict(FinancingCodes.FINANCING_OFFER_EXPIRED, "The offer stood until " + validUntil);
        }
        return with(status.transitionTo(OfferStatus.ACCEPTED));
    }

    /** The offer's time has run out unaccepted; refused unless it is OPEN and {@code now} is its validUntil or later. */
    public LoanOffer expire(Instant now) {
        if (!hasRunOutAt(now)) {
            throw new IllegalStateException("offer " + id + " stands until " + validUntil);
        }
        return with(status.transitionTo(OfferStatus.EXPIRED));
    }

    /** Another offer on the request was accepted. */
    public LoanOffer lapse() {
        return with(status.transitionTo(OfferStatus.LAPSED));
    }

    private LoanOffer with(OfferStatus next) {
        return new LoanOffer(
                id, requestId, lenderId, rateBp, loanToValueBp, termMonths, principal, next, createdAt, validUntil);
    }

    private static long share(long value, int basisPoints) {
        return BigInteger.valueOf(value)
                .multiply(BigInteger.valueOf(basisPoints))
                .divide(BigInteger.valueOf(10_000))
                .longValueExact();
    }
}
