package org.techmarket.search.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.springframework.stereotype.Service;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.Participants;
import org.techmarket.search.Search;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.SearchResult;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.index.Analyzers;
import org.techmarket.search.index.QueryPlan;
import org.techmarket.search.index.SearchIndex;
import org.techmarket.search.index.Searching;
import org.techmarket.search.meaning.Translations;
import org.techmarket.shared.Actor;

/**
 * Searches this node's index: checks the request, plans the query (its words and their dictionary translations), runs it
 * on a searcher of the index in use.
 */
@Service
public class SearchService implements Search {

    /** The types the API names, known even before a module provides their items. */
    static final List<String> NAMED_TYPES = List.of("asset", "listing", "need", "challenge", "organization");

    private final SearchIndex index;
    private final Analyzers analyzers;
    private final Indexing indexing;
    private final Participants participants;
    private final Translations translations;

    SearchService(
            SearchIndex index,
            Analyzers analyzers,
            Indexing indexing,
            Participants participants,
            Translations translations) {
        this.translations = translations;
        this.index = index;
        this.analyzers = analyzers;
        this.indexing = indexing;
        this.participants = participants;
    }

    @Override
    public SearchResult search(SearchRequest request, Audience audience) {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            IndexSearcher searcher = acquired.searcher();
            Criteria criteria = Criteria.of(request, known(searcher));
            QueryPlan plan = QueryPlan.of(criteria, audience, analyzers, translations::translate);
            return Searching.run(searcher, plan, criteria, analyzers);
        } finally {
            index.release(acquired);
        }
    }

    /** The audience of a caller: none (no token) is the public. */
    public Audience audienceOf(Actor actor) {
        if (actor == null) {
            return Audience.PUBLIC;
        }
        if (actor.seesWholeMarket()) {
            return Audience.VERIFIED;
        }
        return actor.organizationId()
                .flatMap(participants::organization)
                .filter(org -> org.status() == OrganizationStatus.VERIFIED)
                .map(org -> Audience.VERIFIED)
                .orElse(Audience.PUBLIC);
    }

    /** Checks a request against what the index knows, as a search would, without running it. */
    Criteria check(SearchRequest request) {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            return Criteria.of(request, known(acquired.searcher()));
        } finally {
            index.release(acquired);
        }
    }

    private Criteria.Known known(IndexSearcher searcher) {
        Set<String> types = new LinkedHashSet<>(NAMED_TYPES);
        types.addAll(indexing.types());
        return new Criteria.Known() {
            @Override
            public Set<String> types() {
                return types;
            }

            @Override
            public boolean value(String field, String value) {
                try {
                    return searcher.getIndexReader().docFreq(new Term(field, value)) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
