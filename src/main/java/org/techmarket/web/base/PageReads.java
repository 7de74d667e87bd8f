package org.techmarket.web.base;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
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
    private final Participants participants;

    PageReads(PlatformTransactionManager transactions, ReadsTogether together, Participants participants) {
        this.participants = participants;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.together = together;
    }

    /** A batch of a page's reads that need none of one another's answers, to be sent in one round trip (ADR 0117). */
    public ReadsTogether.Batch batch() {
        return together.batch();
    }

    /**
     * The organizations of these ids that exist, by id, in one round trip and no transaction of their own (none when
     * there are no ids): the names a page shows once its batch has said whom it names.
     */
    public Map<String, OrganizationSummary> organizations(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ReadsTogether.Batch batch = together.batch();
        ReadsTogether.Later<Map<String, OrganizationSummary>> named = participants.organizations(ids, batch);
        batch.send();
        return named.get();
    }

    /** What {@code reads} returns, all of it read in one read-only transaction. */
    public <T> T read(Supplier<T> reads) {
        return readOnly.execute(status -> reads.get());
    }
}
