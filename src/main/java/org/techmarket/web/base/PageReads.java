package org.techmarket.web.base;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.ReadsTogether;

/**
 * A page's reads without a transaction of their own: a batch of the reads that need none of one another's answers, sent
 * in one round trip (ADR 0117), and the names of the organizations a page shows. Outside a transaction a batch is one
 * implicit transaction of PostgreSQL's, with no commit to send, and each of its queries sees what was committed when it
 * starts, as the statements of a read-committed transaction do (ADR 0118, ADR 0119).
 */
@Component
public class PageReads {

    private final ReadsTogether together;
    private final Participants participants;

    PageReads(ReadsTogether together, Participants participants) {
        this.participants = participants;
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
}
