package org.techmarket.financing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.financing.domain.Collateral;
import org.techmarket.financing.domain.FinancingRequest;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.domain.OfferStatus;
import org.techmarket.financing.persistence.FinancingRequests;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantSummary;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;

/**
 * The owner accepts a lender's offer, and in that one transaction the loan is disbursed from the lender's available
 * funds into the owner's, a PLEDGE of every asset to the lender is registered in the rights registry with its
 * registration number, and the other offers lapse. Any refusal (the lender short of funds, a licence or assignment
 * recorded since the offer, a conflict) leaves everything as it was.
 */
@Service
public class Lending {

    /** How long a pledge outlives the loan's maturity: the lender's time to enforce it after a last missed payment. */
    static final int ENFORCEMENT_YEARS = 1;

    private final FinancingRequests requests;
    private final Loans loans;
    private final Ledger ledger;
    private final RightsRegistry rights;
    private final Participants participants;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    Lending(
            FinancingRequests requests,
            Loans loans,
            Ledger ledger,
            RightsRegistry rights,
            Participants participants,
            AuditLog audit,
            IdGenerator ids,
            Clock clock) {
        this.requests = requests;
        this.loans = loans;
        this.ledger = ledger;
        this.rights = rights;
        this.participants = participants;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Loans.Stored accept(Actor actor, String requestId, String offerId) {
        String owner = participants.permitted(actor, MarketAction.ACCEPT_OFFER).id();
        FinancingRequest request = requests.lock(requestId)
                .filter(r -> r.pledgors().contains(owner))
                .orElseThrow(() -> FinancingAccess.requestNotFound(requestId));
        if (!request.ownerId().equals(owner)) {
            throw Rejection.forbidden("Only the owner who asked for the financing may accept an offer");
        }
        List<LoanOffer> offers = requests.offersOf(List.of(requestId)).getOrDefault(requestId, List.of());
        LoanOffer offer = offers.stream()
                .filter(o -> o.id().equals(offerId))
                .findFirst()
                .orElseThrow(() -> Rejection.notFound("Financing offer", offerId));
        Instant now = Instant.now(clock);
        FinancingRequest funded = request.fund();
        LoanOffer accepted = offer.accept(now);
        participants.requirePermitted(offer.lenderId(), MarketAction.MAKE_OFFER);

        LocalDate today = LocalDate.now(clock);
        Loan loan = Loan.disburse(
                ids.newId(),
                owner,
                offer.lenderId(),
                offer.principal().minor(),
                offer.principal().currency(),
                offer.rateBp(),
                offer.termMonths(),
                today);
        String cause = "loan:" + loan.id();
        ledger.transfer(
                actor,
                TransferRequest.of(
                        AccountId.available(loan.lenderId(), loan.currency()),
                        AccountId.available(owner, loan.currency()),
                        offer.principal(),
                        "LOAN_DISBURSEMENT",
                        cause));
        loans.add(loan, requestId, offerId, now);
        List<Loans.Pledge> pledges = new ArrayList<>();
        for (Collateral c : request.collateral()) {
            pledges.add(pledge(request, loan, c.assetId(), offer.createdAt(), today));
        }
        requests.update(funded, now);
        requests.updateOffer(accepted);
        offers.stream()
                .filter(o -> !o.id().equals(offerId) && o.status() == OfferStatus.OPEN)
                .forEach(o -> requests.updateOffer(o.lapse()));

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", requestId);
        payload.put("offerId", offerId);
        payload.put("ownerId", owner);
        payload.put("lenderId", loan.lenderId());
        payload.put("principal", offer.principal().decimal());
        payload.put("currency", loan.currency());
        payload.put("rateBp", loan.rateBp());
        payload.put("maturesOn", loan.maturesOn().toString());
        payload.put(
                "pledges",
                pledges.stream()
                        .map(p -> Map.of(
                                "assetId", p.assetId(),
                                "grantId", p.grantId(),
                                "registrationNumber", p.registrationNumber()))
                        .toList());
        audit.record(actor.auditName(), FinancingEvents.LoanDisbursed, LoanServicing.subject(loan), payload);
        return loans.find(loan.id()).orElseThrow();
    }

    /** Registers the pledge of one asset, by every one of its owners, all of whom must have consented. */
    private Loans.Pledge pledge(
            FinancingRequest request, Loan loan, String assetId, Instant pricedAt, LocalDate today) {
        GrantSummary grant = rights.registerPledge(
                "loan:" + loan.id() + "/" + assetId,
                assetId,
                loan.lenderId(),
                loan.maturesOn().plusYears(ENFORCEMENT_YEARS),
                pricedAt);
        if (!request.consented().containsAll(grant.grantorIds())) {
            throw Rejection.conflict(
                    FinancingCodes.NOT_A_PLEDGOR,
                    "Asset " + assetId + " is now owned by " + grant.grantorIds()
                            + ", not all of whom consented to the request");
        }
        Loans.Pledge pledge = new Loans.Pledge(loan.id(), assetId, grant.id(), loans.nextRegistrationNumber(today));
        loans.addPledge(pledge);
        return pledge;
    }
}
