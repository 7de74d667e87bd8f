package org.techmarket.web.base;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.ReadsTogether;

/**
 * The reads of one page in one read-only transaction: a page that shows what several use cases read (the workspace's
 * sections, the deal room's deal, registration and royalties) takes one connection and commits once, instead of once
 * per use case; each use case's own transaction joins this one, with the same rules (ADR 0063).
 */
@Component
public class PageReads {

    private final TransactionTemplate readOnly;
    private final ReadsTogether together;

    PageReads(PlatformTransactionManager transactions, ReadsTogether together) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.together = together;
    }

    /** A batch of a page's reads that need none of one another's answers, to be sent in one round trip (ADR 0117). */
    public ReadsTogether.Batch batch() {
        return together.batch();
    }

    /** What {@code reads} returns, all of it read in one read-only transaction. */
    public <T> T read(Supplier<T> reads) {
        return readOnly.execute(status -> reads.get());
    }
}
