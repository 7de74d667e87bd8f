package org.techmarket.deal.application;

import org.springframework.stereotype.Component;
import org.techmarket.deal.domain.Contract;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.RoyaltyTerms;

/** Rebuilds a stored deal's contract with its payment schedule: a running royalty when it has one, else one sum. */
@Component
class DealContracts {

    private final RoyaltyTerms royaltyTerms;

    DealContracts(RoyaltyTerms royaltyTerms) {
        this.royaltyTerms = royaltyTerms;
    }

    Contract of(DealRow deal) {
        return DealTerms.contract(deal, royaltyTerms.of(deal.id()));
    }
}
