package org.techmarket.financing.domain;

import java.math.BigInteger;
import java.time.Instant;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * A lender's offer on an open request: a yearly rate and a loan-to-value ratio, both in basis points, and a term.
 * It lends the amount asked, or less when the collateral has valuations: at most their sum times the ratio, rounded
 * down to the fen. OPEN until the owner accepts it or another offer; then ACCEPTED or LAPSED.
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
        Instant createdAt) {

    /** Makes the offer on {@code request}, which must be OPEN; refuses rates and ratios outside 1 to 10,000 bp. */
    public static LoanOffer make(
            String id,
            FinancingRequest request,
            String lenderId,
            Integer rateBp,
            Integer loanToValueBp,
            Integer termMonths,
            Instant at) {
        request.requireOpen();
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
                at);
    }

    /** The owner accepts the offer; refused (FINANCING_OFFER_NOT_OPEN) unless it is OPEN. */
    public LoanOffer accept() {
        return with(status.transitionTo(OfferStatus.ACCEPTED));
    }

    /** Another offer on the request was accepted. */
    public LoanOffer lapse() {
        return with(status.transitionTo(OfferStatus.LAPSED));
    }

    private LoanOffer with(OfferStatus next) {
        return new LoanOffer(id, requestId, lenderId, rateBp, loanToValueBp, termMonths, principal, next, createdAt);
    }

    private static long share(long value, int basisPoints) {
        return BigInteger.valueOf(value)
                .multiply(BigInteger.valueOf(basisPoints))
                .divide(BigInteger.valueOf(10_000))
                .longValueExact();
    }
}
