package org.techmarket.deal.application;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.persistence.DealPaymentTerms;
import org.techmarket.shared.ReadsTogether;

/**
 * Rebuilds a stored deal's contract with its payment schedule: a running royalty or instalments when it has them,
 * else one sum. The schedule, the instalments paid and the brokers' commissions are read together, once.
 */
@Component
class DealContracts {

    private final DealPaymentTerms paymentTerms;

    DealContracts(DealPaymentTerms paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    Contract of(Deal deal) {
        return of(deal, terms(deal.id()));
    }

    /** The contract with the terms already read in this transaction. */
    Contract of(Deal deal, DealPaymentTerms.Terms terms) {
        return DealTerms.contract(deal, terms.schedule());
    }

    /** The deal's payment schedule, instalments paid and brokers' commissions, in one read. */
    DealPaymentTerms.Terms terms(String dealId) {
        return paymentTerms.of(dealId);
    }

    /** As {@link #terms(String)}, read with the other queries of {@code batch}. */
    ReadsTogether.Later<DealPaymentTerms.Terms> terms(String dealId, ReadsTogether.Batch batch) {
        return paymentTerms.of(dealId, batch);
    }

    /** The deal's instalments and which are paid; empty unless it is paid in instalments. */
    Optional<InstalmentPlan> instalments(String dealId) {
        return terms(dealId).instalments();
    }
}
