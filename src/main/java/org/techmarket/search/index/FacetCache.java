package org.techmarket.search.index;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.techmarket.search.SearchResult.FacetCount;

/**
 * The facet counts and totals of searches without words, kept per reader: a reader never changes, so what its filters
 * match is counted once, over every match, until the index commits again and a new reader replaces it. Searches with
 * words are counted each time (their texts vary without end), up to a limit of matches: a top page skips what cannot
 * make it, and counting every match of a common word in a large index would cost many times the page. Holds the last
 * {@value #CAPACITY} counts used: those of an older reader are no longer asked for and leave first.
 */
public final class FacetCache {

    static final int CAPACITY = 256;

    /** How many matches of a search with words are counted unless configured otherwise. */
    public static final long COUNT_LIMIT = 10_000;

    /**
     * What a search's matches counted: per facet, values and counts, how many were counted, and whether that was every
     * match.
     */
    record Counted(Map<String, List<FacetCount>> facets, long total, boolean complete) {
        Counted {
            // Shared by every search that reads it from the cache: nobody may change it.
            facets = Collections.unmodifiableMap(facets);
        }
    }

    private record Key(IndexReader.CacheKey reader, Query filters) {}

    private final Map<Key, Counted> counted = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Counted> eldest) {
            return size() > CAPACITY;
        }
    };

    private final long countLimit;

    /** Counts searches with words up to {@link #COUNT_LIMIT} matches. */
    public FacetCache() {
        this(COUNT_LIMIT);
    }

    /** Counts searches with words up to {@code countLimit} matches (at least 1). */
    public FacetCache(long countLimit) {
        if (countLimit < 1) {
            throw new IllegalArgumentException("the count limit is at least 1: " + countLimit);
        }
        this.countLimit = countLimit;
    }

    /**
     * What {@code plan}'s matches count in {@code searcher}: from the cache when the plan has no words (every match),
     * else up to the count limit.
     */
    Counted count(IndexSearcher searcher, QueryPlan plan) throws IOException {
        return count(searcher, plan, new SharedTerms(searcher));
    }

    /** As {@link #count(IndexSearcher, QueryPlan)}, a search with words reading its terms from {@code terms}. */
    Counted count(IndexSearcher searcher, QueryPlan plan, SharedTerms terms) throws IOException {
        if (plan.words() != null) {
            return counted(searcher, terms.sharing(plan.matching()), countLimit);
        }
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return counted(searcher, plan.matching(), FacetCounts.EVERY_MATCH);
        }
        Key key = new Key(helper.getKey(), plan.matching());
        Counted known = cached(key);
        if (known != null) {
            return known;
        }
        Counted fresh = counted(searcher, plan.matching(), FacetCounts.EVERY_MATCH);
        remember(key, fresh);
        return fresh;
    }

    private synchronized Counted cached(Key key) {
        return counted.get(key);
    }

    private synchronized void remember(Key key, Counted fresh) {
        counted.put(key, fresh);
    }

    private static Counted counted(IndexSearcher searcher, Query matching, long limit) throws IOException {
        FacetCounts facets = new FacetCounts(limit);
        searcher.search(matching, facets);
        return new Counted(facets.facets(), facets.total(), facets.complete());
    }
}
