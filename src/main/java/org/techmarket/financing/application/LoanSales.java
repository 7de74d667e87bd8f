package org.techmarket.financing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.ListingSales;
import org.techmarket.deal.SecuredClaims;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanStatus;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.listing.PledgeSales;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * The lender's sale of a defaulted loan's pledged assets: the lender lists their assignment by English auction, the
 * owner the seller of record; at the deal's completion the owner's proceeds repay the loan first (principal and the
 * interest accrued to that day), in the payout's own ledger batch, the pledges are released before the assignment is
 * registered, and the loan is SETTLED_BY_SALE with any shortfall still owed, unsecured.
 */
@Service
public class LoanSales implements SecuredClaims {

    /** The loan and the listing that sells its collateral. */
    public record Listed(Loans.Stored loan, String listingId) {}

    private final Loans loans;
    private final PledgeSales sales;
    private final ListingSales dealsOn;
    private final RightsRegistry rights;
    private final AuditLog audit;
    private final Clock clock;

    LoanSales(
            Loans loans, PledgeSales sales, ListingSales dealsOn, RightsRegistry rights, AuditLog audit, Clock clock) {
        this.loans = loans;
        this.sales = sales;
        this.dealsOn = dealsOn;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The lender lists the pledged assets of its DEFAULTED loan for sale: 403 for anyone else, 409
     * LOAN_NOT_DEFAULTED, 409 LOAN_SALE_EXISTS while an earlier sale stands (an awarded sale stands until every deal
     * struck on it ended without completion); audited as LoanSaleListed.
     */
    @Transactional
    public Listed list(Actor actor, String loanId, Map<String, Object> mechanism) {
        if (!actor.belongsTo(ofParty(actor, loanId).lenderId())) {
            throw Rejection.forbidden("Only the lender may sell the pledged assets of its loan");
        }
        // A completing deal locks its row and then the loan: the deals of the standing sale are locked first here too.
        sales.standingSale(loanId).ifPresent(dealsOn::endedWithoutCompletion);
        Loans.Stored stored = loans.lock(loanId).orElseThrow();
        Loan loan = stored.loan();
        if (loan.status() != LoanStatus.DEFAULTED) {
            throw Rejection.conflict(
                    FinancingCodes.LOAN_NOT_DEFAULTED,
                    "Loan " + loanId + " is " + loan.status() + ": only a defaulted loan's pledge may be enforced");
        }
        Optional<String> standing =
                sales.standingSale(loanId).filter(listing -> !dealsOn.endedWithoutCompletion(listing));
        if (standing.isPresent()) {
            throw Rejection.conflict(
                    FinancingCodes.LOAN_SALE_EXISTS,
                    "Listing " + standing.get() + " already sells the pledged assets of loan " + loanId);
        }
        String listingId = sales.list(
                actor,
                loanId,
                loan.ownerId(),
                stored.pledges().stream().map(Loans.Pledge::assetId).toList(),
                "Pledged patent sold after the default of loan " + loanId,
                mechanism);
        audit.record(
                actor.auditName(),
                FinancingEvents.LoanSaleListed,
                LoanServicing.subject(loan),
                Map.of("listingId", listingId));
        return new Listed(stored, listingId);
    }

    /**
     * The owner asks to revoke the enforcement authority its loan agreement granted the lender, which it cannot (403
     * ENFORCEMENT_AUTHORITY_IRREVOCABLE, for the lender too: the authority ends with the loan); nothing changes.
     */
    @Transactional(readOnly = true)
    public void refuseRevocation(Actor actor, String loanId) {
        Loan loan = ofParty(actor, loanId);
        throw new Rejection(
                Rejection.Kind.FORBIDDEN,
                FinancingCodes.ENFORCEMENT_AUTHORITY_IRREVOCABLE,
                "The owner granted the lender of loan " + loan.id() + " an irrevocable authority to sign and deliver"
                        + " on the sale of the pledged assets after a default; it ends when the loan is settled");
    }

    /** The loan as it stands, when the actor is its owner or its lender; 404 for anyone else. */
    private Loan ofParty(Actor actor, String loanId) {
        return loans.find(loanId)
                .map(Loans.Stored::loan)
                .filter(l -> actor.belongsTo(l.ownerId()) || actor.belongsTo(l.lenderId()))
                .orElseThrow(() -> FinancingAccess.loanNotFound(loanId));
    }

    @Override
    @Transactional
    public Optional<Claim> settleOnSale(String listingId, String dealId, String currency, long proceeds) {
        Optional<Loan> sold = sales.loanSoldBy(listingId)
                .flatMap(loans::lock)
                .map(Loans.Stored::loan)
                .filter(loan -> loan.status() == LoanStatus.DEFAULTED);
        if (sold.isEmpty()) {
            return Optional.empty();
        }
        Loan loan = sold.get();
        if (!loan.currency().equals(currency)) {
            throw new IllegalStateException(
                    "deal " + dealId + " pays " + currency + ", loan " + loan.id() + " owes " + loan.currency());
        }
        Loan accrued = loan.accrueTo(LocalDate.now(clock));
        long owed = accrued.payoff();
        long paid = Math.min(owed, Math.max(0, proceeds));
        Loan settled = accrued.settleBySale(paid);
        loans.update(settled, Instant.now(clock));
        loans.recordShortfall(loan.id(), owed - paid);
        for (Loans.Pledge pledge : loans.find(loan.id()).orElseThrow().pledges()) {
            rights.releasePledge(
                    Actor.SYSTEM.auditName(),
                    pledge.grantId(),
                    "loan " + loan.id() + " settled by sale in deal " + dealId);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dealId", dealId);
        payload.put("listingId", listingId);
        payload.put("owed", Money.of(owed, currency).decimal());
        payload.put("interest", Money.of(accrued.accruedInterest(), currency).decimal());
        payload.put("paid", Money.of(paid, currency).decimal());
        payload.put("shortfall", Money.of(owed - paid, currency).decimal());
        audit.record(Actor.SYSTEM.auditName(), FinancingEvents.LoanSettledBySale, LoanServicing.subject(loan), payload);
        return Optional.of(new Claim(loan.lenderId(), paid));
    }
}
