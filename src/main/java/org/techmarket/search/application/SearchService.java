package org.techmarket.search.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.techmarket.participant.OrganizationStatus;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.search.Search;
import org.techmarket.search.SearchCodes;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.SearchResult;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.index.Analyzers;
import org.techmarket.search.index.FacetCache;
import org.techmarket.search.index.QueryPlan;
import org.techmarket.search.index.SearchIndex;
import org.techmarket.search.index.Searching;
import org.techmarket.search.meaning.HybridSearcher;
import org.techmarket.search.meaning.MeaningSettings;
import org.techmarket.search.meaning.SearchMode;
import org.techmarket.search.meaning.Translations;
import org.techmarket.shared.Actor;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * Searches this node's index: checks the request, plans the query (its words and their dictionary translations), runs it
 * on a searcher of the index in use.
 */
@Service
public class SearchService implements Search {

    /** The types the API names, known even before a module provides their items. */
    /** How many documents vectors and hybrid modes rank, facets counted over them, whatever the page size. */
    static final int FUSION_DEPTH = 50;

    static final List<String> NAMED_TYPES = List.of("asset", "listing", "need", "challenge", "organization");

    private final SearchIndex index;
    private final Analyzers analyzers;
    private final Indexing indexing;
    private final Participants participants;
    private final Translations translations;
    private final HybridSearcher meaning;
    private final MeaningSettings settings;
    private final DocumentVectors vectors;
    private final FacetCache facetCache;

    SearchService(
            SearchIndex index,
            Analyzers analyzers,
            Indexing indexing,
            Participants participants,
            Translations translations,
            HybridSearcher meaning,
            MeaningSettings settings,
            DocumentVectors vectors,
            @Value("${techmarket.search.count-limit:" + FacetCache.COUNT_LIMIT + "}") long countLimit) {
        this.facetCache = new FacetCache(countLimit);
        this.vectors = vectors;
        this.translations = translations;
        this.meaning = meaning;
        this.settings = settings;
        this.index = index;
        this.analyzers = analyzers;
        this.indexing = indexing;
        this.participants = participants;
    }

    @Override
    public SearchResult search(SearchRequest request, Audience audience) {
        return search(request, audience, null);
    }

    /**
     * A search in the named mode ({@code words}, {@code vectors} or {@code hybrid}; null for the configured default).
     * Vectors and hybrid rank by relevance, one page, with the same filters, and count facets over what they ranked;
     * with vectors off ({@code techmarket.search.vectors.enabled=false}) every mode answers by words.
     */
    @Override
    public SearchResult search(SearchRequest request, Audience audience, String mode) {
        SearchMode searchMode = mode(mode);
        SearchIndex.Acquired acquired = index.acquire();
        try {
            IndexSearcher searcher = acquired.searcher();
            Criteria criteria = Criteria.of(request, known(searcher));
            QueryPlan plan = QueryPlan.of(criteria, audience, analyzers, translations::translate);
            if (searchMode != SearchMode.WORDS
                    && (criteria.sort() != Criteria.Sort.RELEVANCE || criteria.after() != null)) {
                throw Rejection.invalid(
                        SearchCodes.MODE_RANKS_BY_RELEVANCE,
                        "mode",
                        "mode " + searchMode.name().toLowerCase(Locale.ROOT)
                                + " ranks one page by relevance: leave out sort and cursor, or search by words");
            }
            if (searchMode == SearchMode.WORDS || plan.words() == null || !vectors.enabled()) {
                return Searching.run(searcher, plan, criteria, analyzers, facetCache);
            }
            List<ScoreDoc> ranked = meaning
                    .rank(
                            searcher,
                            plan.words(),
                            plan.text(),
                            plan.filter(),
                            searchMode,
                            Math.max(criteria.limit(), FUSION_DEPTH))
                    .stream()
                    .map(hit -> new ScoreDoc(hit.doc(), hit.score()))
                    .toList();
            return Searching.ranked(searcher, plan, criteria, analyzers, ranked);
        } finally {
            index.release(acquired);
        }
    }

    private SearchMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return settings.defaultMode();
        }
        return SearchMode.parse(mode)
                .orElseThrow(() -> Rejection.invalid(
                        SearchCodes.UNKNOWN_MODE, "mode", "mode is words, vectors or hybrid, not \"" + mode + "\""));
    }

    @Override
    public Audience audienceOf(Actor actor) {
        if (actor == null) {
            return Audience.PUBLIC;
        }
        if (actor.seesWholeMarket()) {
            return Audience.VERIFIED;
        }
        return audience(actor.organizationId().flatMap(participants::organization));
    }

    @Override
    public ReadsTogether.Later<Audience> audienceOf(Actor actor, ReadsTogether.Batch batch) {
        if (actor == null) {
            return ReadsTogether.Later.of(Audience.PUBLIC);
        }
        if (actor.seesWholeMarket()) {
            return ReadsTogether.Later.of(Audience.VERIFIED);
        }
        return actor.organizationId()
                .map(org -> participants.organization(org, batch).map(SearchService::audience))
                .orElseGet(() -> ReadsTogether.Later.of(Audience.PUBLIC));
    }

    /** Verified organizations' users find VERIFIED_ONLY items; anyone else is the public. */
    private static Audience audience(Optional<OrganizationSummary> organization) {
        return organization
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
