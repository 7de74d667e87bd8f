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
 * match is counted once until the index commits again and a new reader replaces it. Searches with words are counted
 * each time (their texts vary without end). Holds the last {@value #CAPACITY} counts used: those of an older reader are
 * no longer asked for and leave first.
 */
public final class FacetCache {

    static final int CAPACITY = 256;

    /** What a search's matches counted: per facet, values and counts, and how many matched. */
    record Counted(Map<String, List<FacetCount>> facets, long total) {
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

    /** What {@code plan}'s matches count in {@code searcher}: from the cache when the plan has no words. */
    Counted count(IndexSearcher searcher, QueryPlan plan) throws IOException {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (plan.words() != null || helper == null) {
            return counted(searcher, plan.matching());
        }
        Key key = new Key(helper.getKey(), plan.matching());
        Counted known = cached(key);
        if (known != null) {
            return known;
        }
        Counted fresh = counted(searcher, plan.matching());
        remember(key, fresh);
        return fresh;
    }

    private synchronized Counted cached(Key key) {
        return counted.get(key);
    }

    private synchronized void remember(Key key, Counted fresh) {
        counted.put(key, fresh);
    }

    private static Counted counted(IndexSearcher searcher, Query matching) throws IOException {
        FacetCounts facets = new FacetCounts();
        searcher.search(matching, facets);
        return new Counted(facets.facets(), facets.total());
    }
}
