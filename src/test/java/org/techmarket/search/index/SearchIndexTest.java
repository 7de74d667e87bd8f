package org.techmarket.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.search.Search.Audience;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchRequest;
import org.techmarket.search.SearchResult;
import org.techmarket.search.SearchResult.Hit;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.meaning.QueryTranslator.Translation;
import org.techmarket.shared.Rejection;

/** The index on its own: what finds what, in which order, with which snippet, reasons and facet counts. */
class SearchIndexTest {

    private static final Analyzers ANALYZERS = Analyzers.create();
    private static final String ORIGIN = "a1b2c3d4-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    private SearchIndex index;
    private final FacetCache facetCache = new FacetCache();

    @BeforeEach
    void fill() {
        index = SearchIndex.open(dir, SearchIndex.Segments.AS_COMMITTED);
        index.current()
                .apply(
                        List.of(
                                asset(
                                        "fc",
                                        "一种质子交换膜燃料电池的双极板",
                                        "本发明公开了一种燃料电池双极板及其制备方法。",
                                        "H01M 8/0206",
                                        "NEW_ENERGY",
                                        null,
                                        "2024-01-01T00:00:00Z"),
                                asset(
                                        "sse",
                                        "Solid electrolyte for an all-solid-state lithium battery",
                                        "A sulfide <solid> electrolyte & its use in lithium secondary batteries.",
                                        "H01M 10/0562",
                                        "NEW_ENERGY_STORAGE",
                                        null,
                                        "2024-02-01T00:00:00Z"),
                                asset(
                                        "qkd",
                                        "量子密钥分发终端",
                                        "一种用于量子密钥分发的终端设备。",
                                        "H04L 9/08",
                                        "QUANTUM_INFORMATION",
                                        null,
                                        "2024-03-01T00:00:00Z"),
                                listing("l1", "Licence: fuel cell bipolar plate", 50_000_00L, "2024-04-01T00:00:00Z"),
                                listing("l2", "Licence: humanoid robot hand", 5_000_000_00L, "2024-05-01T00:00:00Z"),
                                hidden("need1", "燃料电池 testing need")),
                        List.of());
        index.current().commit("0", ORIGIN, Instant.parse("2024-06-01T00:00:00Z"));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void chineseWordsFindChineseTextAndAreMarkedInTheSnippet() {
        SearchResult result = search(SearchRequest.words("燃料电池"));
        // Across languages (燃料电池 for "fuel cell") is the meaning part's work; words alone stay in their language.
        assertThat(ids(result)).containsExactly("fc");
        Hit fc = result.items().get(0);
        assertThat(fc.snippet()).contains("<mark>燃料</mark><mark>电池</mark>");
        assertThat(fc.why()).contains("title matches 燃料电池");
    }

    @Test
    void englishWordsAreStemmedAndTheRestOfTheSnippetEscaped() {
        SearchResult result = search(SearchRequest.words("solid electrolytes"));
        assertThat(ids(result)).containsExactly("sse");
        assertThat(result.items().get(0).snippet())
                .contains("&lt;<mark>solid</mark>&gt;")
                .contains("&amp;")
                .doesNotContain("<solid>");
        assertThat(result.items().get(0).why()).contains("title matches solid electrolytes");
    }

    @Test
    void anIpcSubclassFindsEveryGroupBelowIt() {
        assertThat(ids(search(filter("ipc", "H01M")))).containsExactlyInAnyOrder("fc", "sse");
        assertThat(ids(search(filter("ipc", "H01M10")))).containsExactly("sse");
        assertThat(ids(search(filter("ipc", "H01M 10/05")))).containsExactly("sse");
        assertThat(ids(search(filter("ipc", "H01M 10/00")))).containsExactly("sse");
        assertThat(ids(search(filter("ipc", "H01M 10/06")))).isEmpty();
        SearchResult written = search(SearchRequest.words("H01M 10/0562"));
        assertThat(ids(written)).startsWith("sse");
        assertThat(written.items().get(0).why()).contains("IPC H01M 10/0562");
    }

    @Test
    void anIndustrysChineseOrEnglishNameFindsItsItems() {
        SearchResult chinese = search(SearchRequest.words("新型储能"));
        assertThat(ids(chinese)).containsExactly("sse");
        assertThat(chinese.items().get(0).why()).contains("industry NEW_ENERGY_STORAGE");
        assertThat(ids(search(SearchRequest.words("quantum information")))).contains("qkd");
    }

    @Test
    void itemsForVerifiedOrganizationsOnlyAreHiddenFromThePublic() {
        assertThat(ids(index("燃料电池", Audience.VERIFIED))).contains("need1");
        assertThat(ids(index("燃料电池", Audience.PUBLIC))).doesNotContain("need1");
    }

    @Test
    void facetsCountEveryMatchAndPricesFilterAndSort() {
        SearchResult all = search(SearchRequest.words(""));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.facets().get("industry")).contains(new SearchResult.FacetCount("NEW_ENERGY_STORAGE", 1));
        assertThat(all.facets().get("priceBand"))
                .containsExactlyInAnyOrder(
                        new SearchResult.FacetCount("0-100000", 1), new SearchResult.FacetCount("1000000-10000000", 1));
        SearchRequest cheap = new SearchRequest(
                null, "listing", null, null, null, null, null, null, "100000", null, "price", null, null);
        assertThat(ids(search(cheap))).containsExactly("l1");
        SearchRequest byPrice =
                new SearchRequest(null, null, null, null, null, null, null, null, null, null, "price", null, null);
        assertThat(ids(search(byPrice))).startsWith("l1", "l2");
        SearchRequest newest =
                new SearchRequest(null, null, null, null, null, null, null, null, null, null, "newest", null, null);
        assertThat(ids(search(newest))).containsExactly("l2", "l1", "qkd", "sse", "fc");
    }

    @Test
    void theCountsOfASearchWithoutWordsAreKeptUntilTheIndexCommitsAgain() {
        SearchResult before = search(SearchRequest.words(""));
        SearchResult again = search(SearchRequest.words(""));
        assertThat(again).isEqualTo(before);
        assertThat(again.facets()).as("counted once").isSameAs(before.facets());
        assertThat(search(SearchRequest.words("battery")).facets())
                .isNotSameAs(search(SearchRequest.words("battery")).facets());
        index.current()
                .apply(
                        List.of(asset(
                                "sse2",
                                "Sulfide solid electrolyte",
                                "A sulfide.",
                                "H01M 10/0562",
                                "NEW_ENERGY_STORAGE",
                                null,
                                "2024-03-01T00:00:00Z")),
                        List.of());
        index.current().commit("1", ORIGIN, Instant.now());

        SearchResult after = search(SearchRequest.words(""));
        assertThat(after.total()).isEqualTo(before.total() + 1);
        assertThat(after.facets().get("industry")).contains(new SearchResult.FacetCount("NEW_ENERGY_STORAGE", 2));
    }

    @Test
    void aSearchWithWordsCountsUpToItsLimitAndSaysWhenMoreMatched() {
        String[] industries = {"NEW_ENERGY_STORAGE", "ARTIFICIAL_INTELLIGENCE", "QUANTUM_INFORMATION"};
        // three commits of ten: three segments, so that the limit falls inside one and on the border of another
        for (int segment = 0; segment < 3; segment++) {
            List<SearchDocument> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = segment * 10 + i;
                batch.add(asset(
                        "cap" + n,
                        "Supercapacitor electrode " + n,
                        "A supercapacitor" + " with a carbon electrode".repeat(1 + n % 4) + ".",
                        "H01G 11/00",
                        industries[n % 3],
                        null,
                        "2024-05-01T00:00:00Z"));
            }
            index.current().apply(batch, List.of());
            index.current().commit(Integer.toString(segment + 10), ORIGIN, Instant.now());
        }
        SearchRequest words = SearchRequest.words("supercapacitor");
        SearchResult every = limited(words, 100);
        assertThat(every.total()).isEqualTo(30);
        assertThat(every.totalRelation()).isEqualTo(SearchResult.TotalRelation.EQUAL_TO);
        assertThat(counted(every, "industry")).isEqualTo(30);

        SearchResult exactlyAtTheLimit = limited(words, 30);
        assertThat(exactlyAtTheLimit.total()).isEqualTo(30);
        assertThat(exactlyAtTheLimit.exact())
                .as("nothing matched past the limit")
                .isTrue();
        assertThat(exactlyAtTheLimit.facets()).isEqualTo(every.facets());

        for (int limit : new int[] {29, 12, 10, 1}) {
            SearchResult limited = limited(words, limit);
            assertThat(limited.total()).as("limit %d", limit).isEqualTo(limit);
            assertThat(limited.totalRelation()).as("limit %d", limit).isEqualTo(SearchResult.TotalRelation.AT_LEAST);
            assertThat(counted(limited, "industry")).as("limit %d", limit).isEqualTo(limit);
            assertThat(ids(limited)).as("the page does not depend on the count").isEqualTo(ids(every));
            assertThat(limited.nextCursor()).isEqualTo(every.nextCursor());
        }

        SearchResult wordless = limited(SearchRequest.words(""), 5);
        assertThat(wordless.total())
                .as("a search without words counts every match")
                .isEqualTo(35);
        assertThat(wordless.exact()).isTrue();
        assertThatThrownBy(() -> new FacetCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private SearchResult limited(SearchRequest request, long limit) {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            Criteria criteria = Criteria.of(request, knowsNothing());
            return Searching.run(
                    acquired.searcher(),
                    QueryPlan.of(criteria, Audience.PUBLIC, ANALYZERS),
                    criteria,
                    ANALYZERS,
                    new FacetCache(limit));
        } finally {
            index.release(acquired);
        }
    }

    private static long counted(SearchResult result, String facet) {
        return result.facets().get(facet).stream()
                .mapToLong(SearchResult.FacetCount::count)
                .sum();
    }

    @Test
    void whatIsCountedIsWhatTheTranslatedQueryMatches() throws Exception {
        Map<String, Translation> translations = Map.of(
                "燃料电池",
                new Translation("燃料电池", List.of("fuel cell", "bipolar plate"), List.of()),
                "lithium battery",
                new Translation("lithium battery", List.of(), List.of("锂电池", "固态电解质")),
                "quantum key distribution",
                new Translation("quantum key distribution", List.of(), List.of("量子密钥分发")));
        SearchIndex.Acquired acquired = index.acquire();
        try {
            IndexSearcher searcher = acquired.searcher();
            for (String q : translations.keySet()) {
                Criteria criteria = Criteria.of(SearchRequest.words(q), knowsNothing());
                QueryPlan plan = QueryPlan.of(criteria, Audience.VERIFIED, ANALYZERS, translations::get);
                assertThat(plan.matching()).as(q).isNotEqualTo(plan.query());
                assertThat(searcher.count(plan.matching())).as(q).isEqualTo(searcher.count(plan.query()));
            }
        } finally {
            index.release(acquired);
        }
    }

    @Test
    void aCursorGoesOnWhereThePageEndedInEachOrder() {
        for (String sort : List.of("relevance", "newest", "price")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 10; page++) {
                SearchResult result = search(new SearchRequest(
                        null, null, null, null, null, null, null, null, null, null, sort, "2", cursor));
                seen.addAll(ids(result));
                cursor = result.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
            assertThat(seen).as(sort).hasSize(5).doesNotHaveDuplicates();
        }
    }

    @Test
    void aCursorOfAnotherOrderIsRefused() {
        SearchResult first = search(
                new SearchRequest(null, null, null, null, null, null, null, null, null, null, "newest", "1", null));
        SearchRequest other = new SearchRequest(
                null, null, null, null, null, null, null, null, null, null, "price", "1", first.nextCursor());
        assertThatThrownBy(() -> search(other))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_CURSOR"));
    }

    @Test
    void aRemovedItemIsNoLongerFound() {
        index.current().apply(List.of(), List.of(Fields.key("asset", "qkd")));
        index.current().commit("1", ORIGIN, Instant.now());
        assertThat(ids(search(SearchRequest.words("量子密钥")))).isEmpty();
    }

    @Test
    void aRebuiltGenerationReplacesTheOneInUseAndKeepsItsPosition() {
        SearchIndex.Generation fresh = index.create();
        fresh.apply(List.of(listing("only", "The only listing", 1L, "2024-01-01T00:00:00Z")), List.of());
        fresh.commit("7", ORIGIN, Instant.parse("2024-07-01T00:00:00Z"));
        SearchIndex.Acquired during = index.acquire();
        index.swap(fresh);
        assertThat(during.searcher().getIndexReader().numDocs()).isEqualTo(6);
        index.release(during);
        assertThat(ids(search(SearchRequest.words("")))).containsExactly("only");
        assertThat(index.position(Instant.parse("2024-06-30T00:00:00Z"), ORIGIN))
                .contains("7");
        assertThat(index.position(Instant.parse("2024-07-02T00:00:00Z"), ORIGIN))
                .isEmpty();
    }

    @Test
    void aNodesIndexMergesTheSmallSegmentsOfItsCommitsIntoOne() throws Exception {
        try (SearchIndex node = SearchIndex.open(dir.resolve("node"))) {
            for (int n = 0; n < 12; n++) {
                node.current()
                        .apply(List.of(listing("l" + n, "Listing " + n, 100L + n, "2024-01-01T00:00:00Z")), List.of());
                node.current().commit(Integer.toString(n), ORIGIN, Instant.now());
            }
            SearchIndex.Acquired acquired = node.acquire();
            try {
                assertThat(acquired.searcher().getIndexReader().leaves()).hasSize(1);
                assertThat(acquired.searcher().getIndexReader().numDocs()).isEqualTo(12);
            } finally {
                node.release(acquired);
            }
        }
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseHasNoPositionInThisOnesFeed() throws Exception {
        index.current().commit("42", ORIGIN, Instant.parse("2024-07-01T00:00:00Z"));
        index.close();
        index = SearchIndex.open(dir, SearchIndex.Segments.AS_COMMITTED);
        Instant notBefore = Instant.parse("2024-06-30T00:00:00Z");
        assertThat(index.position(notBefore, ORIGIN)).contains("42");
        assertThat(index.position(notBefore, "a1b2c3d4-0000-4000-8000-000000000002"))
                .isEmpty();
    }

    private SearchResult search(SearchRequest request) {
        return index(request, Audience.PUBLIC);
    }

    private SearchResult index(String q, Audience audience) {
        return index(SearchRequest.words(q), audience);
    }

    private SearchResult index(SearchRequest request, Audience audience) {
        SearchIndex.Acquired acquired = index.acquire();
        try {
            Criteria criteria = Criteria.of(request, knowsNothing());
            return Searching.run(
                    acquired.searcher(), QueryPlan.of(criteria, audience, ANALYZERS), criteria, ANALYZERS, facetCache);
        } finally {
            index.release(acquired);
        }
    }

    private static Criteria.Known knowsNothing() {
        return new Criteria.Known() {
            @Override
            public java.util.Set<String> types() {
                return java.util.Set.of("asset", "listing", "need");
            }

            @Override
            public boolean value(String field, String value) {
                return false;
            }
        };
    }

    private static SearchRequest filter(String name, String value) {
        return new SearchRequest(
                null,
                null,
                null,
                null,
                null,
                null,
                name.equals("ipc") ? value : null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<String> ids(SearchResult result) {
        return result.items().stream().map(Hit::id).toList();
    }

    private static SearchDocument asset(
            String id, String title, String text, String ipc, String industry, Long price, String published) {
        return new SearchDocument(
                "asset",
                id,
                title,
                text,
                null,
                List.of(industry),
                "440000",
                "INVENTION_PATENT",
                null,
                List.of(ipc),
                price,
                price == null ? null : "CNY",
                "GRANTED",
                SearchDocument.PUBLIC,
                "org",
                Instant.parse(published));
    }

    private static SearchDocument listing(String id, String title, long price, String published) {
        return new SearchDocument(
                "listing",
                id,
                title,
                title,
                null,
                List.of(),
                "110000",
                "NON_EXCLUSIVE_LICENCE",
                "FIXED_PRICE",
                List.of(),
                price,
                "CNY",
                "PUBLISHED",
                SearchDocument.PUBLIC,
                "org",
                Instant.parse(published));
    }

    private static SearchDocument hidden(String id, String title) {
        return new SearchDocument(
                "need",
                id,
                title,
                null,
                null,
                List.of(),
                "310000",
                null,
                null,
                List.of(),
                null,
                null,
                "PUBLISHED",
                SearchDocument.VERIFIED_ONLY,
                "org",
                Instant.parse("2024-01-01T00:00:00Z"));
    }
}
