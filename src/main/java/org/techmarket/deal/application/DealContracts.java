package org.techmarket.deal.application;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.persistence.DealInstalments;
import org.techmarket.deal.persistence.RoyaltyTerms;

/**
 * Rebuilds a stored deal's contract with its payment schedule: a running royalty or instalments when it has them,
 * else one sum.
 */
@Component
class DealContracts {

    private final RoyaltyTerms royaltyTerms;
    private final DealInstalments instalments;

    DealContracts(RoyaltyTerms royaltyTerms, DealInstalments instalments) {
        this.royaltyTerms = royaltyTerms;
        this.instalments = instalments;
    }

    Contract of(Deal deal) {
        return DealTerms.contract(deal, schedule(deal.id()));
    }

    /** The deal's instalments and which are paid; empty unless it is paid in instalments. */
    Optional<InstalmentPlan> instalments(String dealId) {
        return instalments.of(dealId);
    }

    private Optional<PaymentSchedule> schedule(String dealId) {
        return royaltyTerms
                .of(dealId)
                .<PaymentSchedule>map(r -> r)
                .or(() -> instalments.of(dealId).map(InstalmentPlan::schedule));
    }
}
