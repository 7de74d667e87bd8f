package org.techmarket.participant.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.participant.persistence.Organizations;

/**
 * On start: organizations registered before names had a same-name key get theirs, in small transactions, so that
 * operators see namesakes among them too. Running on several nodes at once only computes the same keys twice.
 */
@Component
class NameKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NameKeyBackfill.class);
    private static final int BATCH = 500;

    private final Organizations organizations;
    private final TransactionTemplate transactions;

    NameKeyBackfill(Organizations organizations, TransactionTemplate transactions) {
        this.organizations = organizations;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = 0;
        Integer done;
        do {
            done = transactions.execute(status -> organizations.fillMissingNameKeys(BATCH));
            filled += done == null ? 0 : done;
        } while (done != null && done == BATCH);
        if (filled > 0) {
            log.info("Gave {} organizations the same-name key of their name", filled);
        }
    }
}
