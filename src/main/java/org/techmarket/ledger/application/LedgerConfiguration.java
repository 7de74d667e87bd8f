package org.techmarket.ledger.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.ledger.domain.CashInCeilings;

/** The ledger's settings: the ceilings on what cash-ins may bring (in minor units), checked when the market starts. */
@Configuration
class LedgerConfiguration {

    @Bean
    CashInCeilings cashInCeilings(
            @Value("${techmarket.ledger.max-cash-in:1000000000000}") long maxCashIn,
            @Value("${techmarket.ledger.max-balance:1000000000000000}") long maxBalance,
            @Value("${techmarket.ledger.max-market-total:100000000000000000}") long maxMarketTotal) {
        return new CashInCeilings(maxCashIn, maxBalance, maxMarketTotal);
    }
}
