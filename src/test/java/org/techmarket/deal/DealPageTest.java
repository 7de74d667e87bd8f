package org.techmarket.deal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.Participants;
import org.techmarket.support.WebIntegrationTest;

/** Base of the deal pages' tests: the web market, and a {@link DealKit} to open the deals the pages show. */
abstract class DealPageTest extends WebIntegrationTest {

    @Autowired
    private Ledger ledger;

    @Autowired
    private Participants participants;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private TransactionTemplate transactions;

    DealKit kit;

    @BeforeEach
    void dealKit() {
        kit = new DealKit(api, fixtures, ledger, participants, events, transactions);
    }
}
