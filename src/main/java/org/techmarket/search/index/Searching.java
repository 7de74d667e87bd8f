package org.techmarket.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.techmarket.search.SearchResult;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.domain.Criteria.After;
import org.techmarket.shared.Money;

/**
 * Runs a search on a searcher: one pass collects the page (after the cursor), skipping what cannot make it; another
 * counts the facets without scoring, over every match once per reader for a search without words and up to a limit of
 * matches for a search with words ({@link FacetCache});
 * then each hit of the page gets its snippet and reasons ({@link Explaining}).
 */
public final class Searching {

    /** The stored fields a hit shows: the key, the organization and the facets it is not shown by stay unread. */
    private static final Set<String> SHOWN = Set.of(
            Fields.TYPE,
            Fields.ID,
            Fields.TITLE,
            Fields.TEXT,
            Fields.INDUSTRY,
            Fields.IPC_SYMBOL,
            Fields.PATENT,
            Fields.PROVINCE,
            Fields.PRICE,
            Fields.CURRENCY);

    private Searching() {}

    public static SearchResult run(
            IndexSearcher searcher, QueryPlan plan, Criteria c, Analyzers analyzers, FacetCache facetCache) {
        try {
            Sort sort = sort(c.sort());
            // The page alone may skip what cannot make it (block-max scores); the facets and the total then visit every
            // match without scoring it, which costs less than scoring every match once for both.
            TopFieldCollector top =
                    new TopFieldCollectorManager(sort, c.limit() + 1, after(c.after()), c.limit() + 1).newCollector();
            // Each term is looked up once in every segment; both passes and the hits' reasons read what was found.
            SharedTerms terms = new SharedTerms(searcher);
            searcher.search(terms.sharing(plan.query()), top);
            FacetCache.Counted counted = facetCache.count(searcher, plan, terms);
            ScoreDoc[] found = top.topDocs().scoreDocs;
            StoredFields stored = searcher.storedFields();
            Explaining explaining = new Explaining(plan, analyzers, searcher.getIndexReader(), terms);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = 0; i < Math.min(found.length, c.limit()); i++) {
                hits.add(hit(found[i].doc, stored.document(found[i].doc, SHOWN), (FieldDoc) found[i], c, explaining));
            }
            String next = found.length > c.limit() ? cursor(c.sort(), (FieldDoc) found[c.limit() - 1]) : null;
            return new SearchResult(
                    List.copyOf(hits),
                    counted.facets(),
                    counted.total(),
                    counted.complete() ? SearchResult.TotalRelation.EQUAL_TO : SearchResult.TotalRelation.AT_LEAST,
                    next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A search ranked elsewhere (by meaning, or words and meaning fused): the page is the first of {@code ranked}, the
     * facets and the total count the ranked documents, and there is no next page.
     */
    public static SearchResult ranked(
            IndexSearcher searcher, QueryPlan plan, Criteria c, Analyzers analyzers, List<ScoreDoc> ranked) {
        try {
            StoredFields stored = searcher.storedFields();
            List<BytesRef> keys = new ArrayList<>();
            for (ScoreDoc doc : ranked) {
                keys.add(new BytesRef(
                        stored.document(doc.doc, Set.of(Fields.KEY)).get(Fields.KEY)));
            }
            FacetCounts facets = new FacetCounts();
            searcher.search(new TermInSetQuery(Fields.KEY, keys), facets);
            Explaining explaining =
                    new Explaining(plan, analyzers, searcher.getIndexReader(), new SharedTerms(searcher));
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (ScoreDoc doc : ranked.subList(0, Math.min(ranked.size(), c.limit()))) {
                FieldDoc found = new FieldDoc(doc.doc, doc.score, new Object[] {doc.score});
                hits.add(hit(doc.doc, stored.document(doc.doc, SHOWN), found, c, explaining));
            }
            return new SearchResult(
                    List.copyOf(hits), facets.facets(), facets.total(), SearchResult.TotalRelation.EQUAL_TO, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sort sort(Criteria.Sort sort) {
        SortField key = new SortField(Fields.KEY, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, key);
            case NEWEST -> new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true), key);
            case PRICE -> {
                SortField price = new SortField(Fields.PRICE, SortField.Type.LONG);
                price.setMissingValue(Long.MAX_VALUE);
                yield new Sort(price, key);
            }
        };
    }

    private static FieldDoc after(After after) {
        if (after == null) {
            return null;
        }
        Object first = after.sort() == Criteria.Sort.RELEVANCE
                ? (Object) Float.intBitsToFloat((int) after.value())
                : (Object) after.value();
        float score = after.sort() == Criteria.Sort.RELEVANCE ? (Float) first : Float.NaN;
        return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, new BytesRef(after.key())});
    }

    private static String cursor(Criteria.Sort sort, FieldDoc last) {
        Object first = last.fields[0];
        long value = sort == Criteria.Sort.RELEVANCE ? Float.floatToIntBits((Float) first) : (Long) first;
        return new After(sort, value, ((BytesRef) last.fields[1]).utf8ToString()).encode();
    }

    private static SearchResult.Hit hit(int id, Document doc, FieldDoc found, Criteria c, Explaining explaining)
            throws IOException {
        String title = doc.get(Fields.TITLE);
        String text = doc.get(Fields.TEXT);
        List<String> industries = Fields.values(doc, Fields.INDUSTRY);
        List<String> ipc = Fields.values(doc, Fields.IPC_SYMBOL);
        String snippet = explaining.snippet(id, title, text);
        List<SearchResult.Reason> why = explaining.why(id, title, snippet, industries, ipc, doc.get(Fields.PATENT));
        var price = doc.getField(Fields.PRICE);
        String currency = doc.get(Fields.CURRENCY);
        return new SearchResult.Hit(
                doc.get(Fields.TYPE),
                doc.get(Fields.ID),
                title,
                snippet,
                c.sort() == Criteria.Sort.RELEVANCE ? (Float) found.fields[0] : null,
                why.stream().map(SearchResult.Reason::written).toList(),
                doc.get(Fields.PATENT),
                industries,
                doc.get(Fields.PROVINCE),
                price == null
                        ? null
                        : Money.of(
                                price.numericValue().longValue(), currency == null ? Money.DEFAULT_CURRENCY : currency),
                why);
    }
}
