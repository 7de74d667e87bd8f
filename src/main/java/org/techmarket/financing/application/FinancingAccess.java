package org.techmarket.financing.application;

import org.springframework.stereotype.Component;
import org.techmarket.financing.FinancingCodes;
import org.techmarket.financing.domain.FinancingRequest;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.domain.RequestStatus;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.OrganizationType;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;

/**
 * Who sees and does what. A request is seen by its pledgors, by every lender while it is OPEN and by the lenders who
 * offered on it; a loan by its borrower and its lender; operators and regulators see all. To anyone else they do not
 * exist (404).
 */
@Component
class FinancingAccess {

    private final Participants participants;

    FinancingAccess(Participants participants) {
        this.participants = participants;
    }

    boolean isLender(Actor actor) {
        return actor.organizationId()
                .flatMap(participants::organization)
                .map(org -> org.type() == OrganizationType.LENDER)
                .orElse(false);
    }

    /** The actor's organization, which must be a LENDER permitted to make offers. */
    OrganizationSummary lender(Actor actor) {
        OrganizationSummary org = participants.permitted(actor, MarketAction.MAKE_OFFER);
        if (org.type() != OrganizationType.LENDER) {
            throw new Rejection(
                    Rejection.Kind.FORBIDDEN, FinancingCodes.NOT_A_LENDER, "Only a lender may offer financing");
        }
        return org;
    }

    boolean maySee(Actor actor, FinancingRequest request, java.util.List<LoanOffer> offers) {
        if (actor.seesWholeMarket()) {
            return true;
        }
        String org = actor.organizationId().orElse("");
        return request.pledgors().contains(org)
                || offers.stream().anyMatch(o -> o.lenderId().equals(org))
                || (request.status() == RequestStatus.OPEN && isLender(actor));
    }

    boolean maySee(Actor actor, Loans.Stored stored) {
        return actor.seesWholeMarket()
                || actor.belongsTo(stored.loan().ownerId())
                || actor.belongsTo(stored.loan().lenderId());
    }

    static Rejection requestNotFound(String id) {
        return Rejection.notFound("Financing request", id);
    }

    static Rejection loanNotFound(String id) {
        return Rejection.notFound("Loan", id);
    }
}
