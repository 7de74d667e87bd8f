package org.techmarket.deal;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.Ledger;
import org.techmarket.participant.Participants;
import org.techmarket.support.IntegrationTest;

/** Base of the deal tests that make their sales with a {@link DealKit}. */
abstract class DealIntegrationTest extends IntegrationTest {

    @Autowired
    protected Ledger ledger;

    @Autowired
    protected Participants participants;

    @Autowired
    protected ApplicationEventPublisher events;

    @Autowired
    protected TransactionTemplate transactions;

    protected DealKit kit;

    @BeforeEach
    void dealKit() {
        kit = new DealKit(api, fixtures, ledger, participants, events, transactions);
    }
}
