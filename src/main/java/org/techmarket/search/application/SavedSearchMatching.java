package org.techmarket.search.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.techmarket.search.SavedSearchMatched;
import org.techmarket.search.Search.Audience;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.index.Analyzers;
import org.techmarket.search.index.Fields;
import org.techmarket.search.index.QueryPlan;
import org.techmarket.search.persistence.SavedSearches;
import org.techmarket.search.persistence.SavedSearches.Saved;

/**
 * Checks items as they are indexed against the saved searches: each item alone in a {@link MemoryIndex}, each saved
 * search's query run on it. An item changed after a search was saved that matches it is recorded (once per item and
 * saved search, in the database, so two nodes indexing the same change tell it once) and {@link SavedSearchMatched}
 * is published in the same transaction.
 */
@Component
class SavedSearchMatching {

    private static final Criteria.Known ANY = new Criteria.Known() {
        @Override
        public Set<String> types() {
            return Set.copyOf(SearchService.NAMED_TYPES);
        }

        @Override
        public boolean value(String field, String value) {
            return true;
        }
    };

    private final SavedSearches saved;
    private final ApplicationEventPublisher events;
    private final Analyzers analyzers;
    private final Map<String, Query> queries = new ConcurrentHashMap<>();

    SavedSearchMatching(SavedSearches saved, ApplicationEventPublisher events, Analyzers analyzers) {
        this.saved = saved;
        this.events = events;
        this.analyzers = analyzers;
    }

    /** Tells the saved searches the documents match; {@code changedAt} by item key. Returns how many were told. */
    int match(List<SearchDocument> documents, Map<String, Instant> changedAt) {
        if (documents.isEmpty()) {
            return 0;
        }
        List<Saved> searches = saved.all();
        int told = 0;
        for (SearchDocument document : documents) {
            String key = Fields.key(document.type(), document.id());
            Instant changed = changedAt.get(key);
            MemoryIndex memory = null;
            for (Saved search : searches) {
                if (changed == null || !changed.isAfter(search.createdAt())) {
                    continue;
                }
                if (memory == null) {
                    memory = MemoryIndex.fromDocument(Fields.toLucene(document), analyzers.perField());
                }
                if (memory.search(query(search)) > 0f
                        && saved.recordMatch(search.id(), document.type(), document.id(), changed)) {
                    events.publishEvent(new SavedSearchMatched(
                            search.id(),
                            search.name(),
                            search.organizationId(),
                            search.userId(),
                            search.channel(),
                            document.type(),
                            document.id(),
                            document.title()));
                    told++;
                }
            }
        }
        return told;
    }

    private Query query(Saved search) {
        Audience audience = search.verified() ? Audience.VERIFIED : Audience.PUBLIC;
        return queries.computeIfAbsent(search.id() + "/" + audience, k -> {
            Criteria criteria = Criteria.of(SavedQueries.read(search.query()), ANY);
            return new ConstantScoreQuery(
                    QueryPlan.of(criteria, audience, analyzers).query());
        });
    }
}
