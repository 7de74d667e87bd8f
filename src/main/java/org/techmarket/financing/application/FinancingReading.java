package org.techmarket.financing.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.financing.domain.FinancingRequest;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.persistence.FinancingRequests;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;

/** Reads requests and loans for those who may see them, each in a constant number of statements. */
@Service
public class FinancingReading {

    /** A request with its offers, as its reader may see them, and the loan it became once funded. */
    public record RequestView(FinancingRequest request, List<LoanOffer> offers, Optional<Loans.Stored> loan) {}

    private final FinancingRequests requests;
    private final Loans loans;
    private final FinancingAccess access;

    FinancingReading(FinancingRequests requests, Loans loans, FinancingAccess access) {
        this.requests = requests;
        this.loans = loans;
        this.access = access;
    }

    /** The request; a lender sees only its own offers among the others'. */
    @Transactional(readOnly = true)
    public RequestView request(Actor actor, String id) {
        FinancingRequest request = requests.find(id).orElseThrow(() -> FinancingAccess.requestNotFound(id));
        List<LoanOffer> offers = requests.offersOf(List.of(id)).getOrDefault(id, List.of());
        if (!access.maySee(actor, request, offers)) {
            throw FinancingAccess.requestNotFound(id);
        }
        return new RequestView(request, visibleOffers(actor, request, offers), loans.ofRequest(id));
    }

    /**
     * The requests the actor pledges, and for a lender every OPEN one too; all of them for operators and regulators;
     * newest first.
     */
    @Transactional(readOnly = true)
    public List<RequestView> requests(Actor actor, Integer limit) {
        int size = Cursor.limit(limit);
        List<FinancingRequest> found = actor.seesWholeMarket()
                ? requests.list(Optional.empty(), false, size)
                : requests.list(Optional.of(actor.requireOrganization()), access.isLender(actor), size);
        Map<String, List<LoanOffer>> offers =
                requests.offersOf(found.stream().map(FinancingRequest::id).toList());
        return found.stream()
                .map(r -> new RequestView(
                        r, visibleOffers(actor, r, offers.getOrDefault(r.id(), List.of())), Optional.empty()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Loans.Stored loan(Actor actor, String id) {
        return loans.find(id)
                .filter(stored -> access.maySee(actor, stored))
                .orElseThrow(() -> FinancingAccess.loanNotFound(id));
    }

    /** The loans the actor's organization borrowed or lent; all of them for operators and regulators. */
    @Transactional(readOnly = true)
    public List<Loans.Stored> loans(Actor actor, Integer limit) {
        return loans.list(
                actor.seesWholeMarket() ? Optional.empty() : Optional.of(actor.requireOrganization()),
                Cursor.limit(limit));
    }

    private static List<LoanOffer> visibleOffers(Actor actor, FinancingRequest request, List<LoanOffer> offers) {
        if (actor.seesWholeMarket()
                || actor.organizationId().filter(request.pledgors()::contains).isPresent()) {
            return offers;
        }
        return offers.stream().filter(o -> actor.belongsTo(o.lenderId())).toList();
    }
}
