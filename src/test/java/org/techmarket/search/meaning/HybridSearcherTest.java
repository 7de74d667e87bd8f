package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HybridSearcherTest {

    private static final HybridSearcher.Fields FIELDS = new HybridSearcher.Fields("en", "zh", "vector");
    private static final List<String[]> ITEMS = List.of(
            new String[] {"fuel", "Fused zirconia-based solid oxide fuel cell", "public"},
            new String[] {"qkd", "一种基于偏振编码的小型化量子密钥分发发射终端", "public"},
            new String[] {"putter", "Golf putter head", "public"},
            new String[] {"private-fuel", "Fuel cell stack cooling plate", "private"});

    private final CountDownLatch gate = new CountDownLatch(0);
    private ByteBuffersDirectory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeEach
    void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Analyzer english = new EnglishAnalyzer();
        Analyzer perField = new PerFieldAnalyzerWrapper(english, Map.of("zh", new SmartChineseAnalyzer()));
        HybridSearcher indexer = searcher(new HashingEmbedder());
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
            for (String[] item : ITEMS) {
                Document doc = new Document();
                doc.add(new StringField("key", item[0], Field.Store.YES));
                doc.add(new StringField("visibility", item[2], Field.Store.NO));
                doc.add(new TextField("en", item[1], Field.Store.NO));
                doc.add(new TextField("zh", item[1], Field.Store.NO));
                doc.add(indexer.vectorField(HashingEmbedder.vector(item[1])));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    private HybridSearcher searcher(TextEmbedder embedder) {
        return new HybridSearcher(
                FIELDS,
                new EnglishAnalyzer(),
                new SmartChineseAnalyzer(),
                new QueryTranslator(BilingualDictionary.standard()),
                new BoundedEmbedder(embedder, 1, 4),
                Duration.ofMillis(200),
                HybridSearcher.MEANING_WEIGHT);
    }

    private List<String> keys(List<HybridSearcher.Hit> hits) {
        return hits.stream()
                .map(hit -> {
                    try {
                        return searcher.storedFields().document(hit.doc()).get("key");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aChineseQueryFindsTheEnglishItemThroughItsTranslation() {
        List<HybridSearcher.Hit> hits =
                searcher(new HashingEmbedder()).search(searcher, "燃料电池", null, SearchMode.WORDS, 10);
        assertThat(keys(hits)).containsExactlyInAnyOrder("fuel", "private-fuel");
        assertThat(hits).allMatch(hit -> hit.byWords() && !hit.byMeaning());
    }

    @Test
    void anEnglishQueryFindsTheChineseItemThroughItsTranslation() {
        List<HybridSearcher.Hit> hits = searcher(new HashingEmbedder())
                .search(searcher, "quantum key distribution", null, SearchMode.WORDS, 10);
        assertThat(keys(hits)).containsExactly("qkd");
    }

    @Test
    void vectorsFindTheNearestItemsEvenWithoutASharedWord() {
        List<HybridSearcher.Hit> hits =
                searcher(new HashingEmbedder()).search(searcher, "golf putters", null, SearchMode.VECTORS, 1);
        assertThat(keys(hits)).containsExactly("putter");
        assertThat(hits.get(0).byMeaning()).isTrue();
    }

    @Test
    void theHybridSaysWhichSideFoundEachItem() {
        List<HybridSearcher.Hit> hits =
                searcher(new HashingEmbedder()).search(searcher, "fuel cell", null, SearchMode.HYBRID, 4);
        assertThat(keys(hits).get(0)).isIn("fuel", "private-fuel");
        assertThat(hits.get(0).byWords()).isTrue();
        assertThat(hits.get(0).byMeaning()).isTrue();
        assertThat(hits).anyMatch(hit -> !hit.byWords() && hit.byMeaning());
    }

    @Test
    void aFilterHoldsInEveryMode() {
        TermQuery onlyPublic = new TermQuery(new Term("visibility", "public"));
        for (SearchMode mode : SearchMode.values()) {
            List<HybridSearcher.Hit> hits =
                    searcher(new HashingEmbedder()).search(searcher, "fuel cell", onlyPublic, mode, 10);
            assertThat(keys(hits))
                    .as(mode.name())
                    .doesNotContain("private-fuel")
                    .isNotEmpty();
        }
    }

    @Test
    void withoutAQueryVectorInTimeTheHybridAnswersWithWords() {
        CountDownLatch closed = new CountDownLatch(1);
        try {
            HybridSearcher busy = searcher(new HashingEmbedder(closed));
            assertThat(keys(busy.search(searcher, "fuel cell", null, SearchMode.HYBRID, 10)))
                    .containsExactlyInAnyOrder("fuel", "private-fuel");
            assertThat(busy.search(searcher, "fuel cell", null, SearchMode.VECTORS, 10))
                    .isEmpty();
        } finally {
            closed.countDown();
        }
    }

    @Test
    void aQueryOfNoWordsFindsNothingByWords() {
        assertThat(searcher(new HashingEmbedder()).search(searcher, "  ,;  ", null, SearchMode.WORDS, 10))
                .isEmpty();
    }
}
