package org.techmarket.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.techmarket.search.SearchResult.FacetCount;

/**
 * Counts the values of each facet (read from doc values by ordinal per segment) and the matches, over every match or,
 * given a limit, over the first matches up to it in the index's order: past it the search stops, and the total is a
 * lower bound ({@link #complete()} false).
 */
final class FacetCounts extends SimpleCollector {

    /** No limit: every match is counted. */
    static final long EVERY_MATCH = Long.MAX_VALUE;

    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final SortedSetDocValues[] values = new SortedSetDocValues[Fields.FACETS.size()];
    /** A segment's facet that holds at most one value per document, read by its ordinal without the set's view. */
    private final SortedDocValues[] single = new SortedDocValues[Fields.FACETS.size()];

    private final long[][] segmentCounts = new long[Fields.FACETS.size()][];
    private final long limit;
    private long total;
    private boolean more;

    FacetCounts() {
        this(EVERY_MATCH);
    }

    /** Counts at most {@code limit} matches. */
    FacetCounts(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a count limit is at least 1: " + limit);
        }
        this.limit = limit;
        Fields.FACETS.forEach(f -> counts.put(f, new HashMap<>()));
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        if (more) {
            // the limit was passed in an earlier segment: this one is not read at all
            throw new CollectionTerminatedException();
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = DocValues.getSortedSet(context.reader(), Fields.FACETS.get(i));
            single[i] = DocValues.unwrapSingleton(values[i]);
            segmentCounts[i] = new long[(int) values[i].getValueCount()];
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (total == limit) {
            // one match past the limit: the total is now known to be more than it
            more = true;
            throw new CollectionTerminatedException();
        }
        total++;
        for (int i = 0; i < values.length; i++) {
            SortedDocValues one = single[i];
            if (one != null) {
                if (one.advanceExact(doc)) {
                    segmentCounts[i][one.ordValue()]++;
                }
                continue;
            }
            SortedSetDocValues dv = values[i];
            if (dv.advanceExact(doc)) {
                for (int n = 0; n < dv.docValueCount(); n++) {
                    segmentCounts[i][(int) dv.nextOrd()]++;
                }
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The matches counted: all of them when {@link #complete()}, else the limit. */
    long total() {
        return total;
    }

    /** Whether every match was counted; false when more matched than the limit. */
    boolean complete() {
        return !more;
    }

    /** Per facet, its values with their counts, the most frequent first. */
    Map<String, List<FacetCount>> facets() throws IOException {
        flush();
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        counts.forEach((facet, byValue) -> {
            List<FacetCount> list = new ArrayList<>();
            byValue.forEach((value, count) -> list.add(new FacetCount(value, count)));
            list.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            facets.put(facet, List.copyOf(list));
        });
        return facets;
    }

    private void flush() throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            Map<String, Long> byValue = counts.get(Fields.FACETS.get(i));
            for (int ord = 0; ord < segmentCounts[i].length; ord++) {
                if (segmentCounts[i][ord] > 0) {
                    byValue.merge(values[i].lookupOrd(ord).utf8ToString(), segmentCounts[i][ord], Long::sum);
                }
            }
            values[i] = null;
            single[i] = null;
        }
    }
}
