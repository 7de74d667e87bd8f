package org.techmarket.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.search.Search.Audience;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.SearchResult;
import org.techmarket.search.domain.Criteria;

/**
 * A search looks each term up once in every segment's dictionary and shares it between its page, its facets and its
 * hits' snippets and reasons, finding and scoring exactly what it finds without sharing.
 */
class SharedTermsTest {

    private static final String ORIGIN = "shared-terms-test";

    private static final Analyzers ANALYZERS = Analyzers.create();
    private static final List<String> QUERIES =
            List.of("fuel cell", "燃料电池", "lithium battery electrolyte", "量子密钥分发 终端", "robot hand H01M");

    private static final Criteria.Known ASSETS = new Criteria.Known() {
        @Override
        public Set<String> types() {
            return Set.of("asset");
        }

        @Override
        public boolean value(String field, String value) {
            return true;
        }
    };

    @TempDir
    Path dir;

    private SearchIndex index;

    @BeforeEach
    void fill() {
        index = SearchIndex.open(dir, SearchIndex.Segments.AS_COMMITTED);
        // three commits, three segments: every term is sought in each
        String[][] segments = {
            {"一种质子交换膜燃料电池的双极板", "Solid electrolyte for an all-solid-state lithium battery", "Fuel cell stack"},
            {"量子密钥分发终端", "A fuel cell bipolar plate of a humanoid robot hand", "锂电池电解质"},
            {"Lithium battery with a solid electrolyte", "燃料电池 testing need", "Robot hand for fuel handling"}
        };
        int n = 0;
        for (String[] titles : segments) {
            List<SearchDocument> docs = new ArrayList<>();
            for (String title : titles) {
                docs.add(asset("a" + n++, title));
            }
            index.current().apply(docs, List.of());
            index.current().commit(String.valueOf(n), ORIGIN, Instant.parse("2024-06-01T00:00:00Z"));
        }
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void eachTermIsFoundOnceInEachSegmentAcrossThePageTheFacetsAndTheReasons() throws IOException {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            DirectoryReader plain = (DirectoryReader) acquired.searcher().getIndexReader();
            assertThat(plain.leaves()).hasSize(3);
            for (String q : QUERIES) {
                Seeks seeks = new Seeks();
                IndexSearcher counting = new IndexSearcher(new Counting(plain, seeks));
                Criteria criteria = Criteria.of(SearchRequest.words(q), ASSETS);
                QueryPlan plan = QueryPlan.of(criteria, Audience.PUBLIC, ANALYZERS);

                SearchResult result = Searching.run(counting, plan, criteria, ANALYZERS, new FacetCache());

                assertThat(result.items()).as(q).isNotEmpty();
                assertThat(seeks.bySegmentAndTerm.values())
                        .as("dictionary finds per segment and term for %s: %s", q, seeks.bySegmentAndTerm)
                        .isNotEmpty()
                        .allMatch(count -> count == 1);
            }
        } finally {
            index.release(acquired);
        }
    }

    @Test
    void aSearchSharingItsTermsFindsAndScoresWhatItFindsWithout() throws IOException {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            IndexSearcher searcher = acquired.searcher();
            for (String q : QUERIES) {
                Criteria criteria = Criteria.of(SearchRequest.words(q), ASSETS);
                QueryPlan plan = QueryPlan.of(criteria, Audience.PUBLIC, ANALYZERS);
                SharedTerms terms = new SharedTerms(searcher);
                for (Query query : List.of(plan.query(), plan.matching())) {
                    TopDocs alone = searcher.search(query, 20);
                    TopDocs shared = searcher.search(terms.sharing(query), 20);
                    assertThat(shared.totalHits).as(q).isEqualTo(alone.totalHits);
                    assertThat(scored(shared)).as(q).isEqualTo(scored(alone));
                }
            }
        } finally {
            index.release(acquired);
        }
    }

    private static List<String> scored(TopDocs top) {
        List<String> scored = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            scored.add(doc.doc + "=" + doc.score);
        }
        return scored;
    }

    private static SearchDocument asset(String id, String title) {
        return new SearchDocument(
                "asset",
                id,
                title,
                title + " and what it is for",
                null,
                List.of("NEW_ENERGY"),
                "110000",
                "INVENTION_PATENT",
                null,
                List.of("H01M 8/0206"),
                null,
                null,
                "GRANTED",
                SearchDocument.PUBLIC,
                "org",
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** How often each term was found by its bytes (not by a state already found) in each segment. */
    private static final class Seeks {
        final Map<String, Integer> bySegmentAndTerm = new HashMap<>();

        void sought(LeafReader segment, String field, BytesRef term) {
            bySegmentAndTerm.merge(
                    System.identityHashCode(segment) + " " + field + ":" + term.utf8ToString(), 1, Integer::sum);
        }
    }

    /** A reader whose segments count the dictionary seeks made on them. */
    private static final class Counting extends FilterDirectoryReader {
        private final Seeks seeks;

        Counting(DirectoryReader in, Seeks seeks) throws IOException {
            super(in, new SubReaderWrapper() {
                @Override
                public LeafReader wrap(LeafReader reader) {
                    return new CountingLeaf(reader, seeks);
                }
            });
            this.seeks = seeks;
        }

        @Override
        protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
            return new Counting(in, seeks);
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    private static final class CountingLeaf extends FilterLeafReader {
        private final Seeks seeks;

        CountingLeaf(LeafReader in, Seeks seeks) {
            super(in);
            this.seeks = seeks;
        }

        @Override
        public Terms terms(String field) throws IOException {
            Terms terms = super.terms(field);
            if (terms == null) {
                return null;
            }
            LeafReader segment = in;
            return new FilterTerms(terms) {
                @Override
                public TermsEnum iterator() throws IOException {
                    return new FilterTermsEnum(in.iterator()) {
                        @Override
                        public boolean seekExact(BytesRef text) throws IOException {
                            boolean found = in.seekExact(text);
                            if (found) {
                                // Lucene's own assertions seek a term a segment lacks once more: only finds count
                                seeks.sought(segment, field, text);
                            }
                            return found;
                        }
                    };
                }
            };
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
