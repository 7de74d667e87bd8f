package org.techmarket.search.meaning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The demo market's 239 assets (225 US patent grants and the Chinese assets) in a Lucene index laid out as {@link
 * HybridSearcher} expects: an English-analysed and a Chinese-analysed copy of title and abstract, and the vector of
 * both. Each item is named by its patent number or, without one, its title, as the judged set names it.
 */
public final class JudgedCorpus implements AutoCloseable {

    static final HybridSearcher.Fields FIELDS = new HybridSearcher.Fields("text_en", "text_zh", "vector");
    static final String KEY = "key";

    /** A demo item: its key (patent number or title), title and abstract. */
    public record Item(String key, String title, String text) {}

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    final IndexSearcher searcher;
    HybridSearcher hybrid;
    BoundedEmbedder embedder;
    final long embeddingNanos;
    final int items;

    JudgedCorpus(TextEmbedder textEmbedder) {
        this(textEmbedder, HybridSearcher.MEANING_WEIGHT);
    }

    JudgedCorpus(TextEmbedder textEmbedder, double meaningWeight) {
        Analyzer english = new EnglishAnalyzer();
        Analyzer chinese = new SmartChineseAnalyzer();
        embedder = new BoundedEmbedder(textEmbedder, 1, 16);
        hybrid = new HybridSearcher(
                FIELDS,
                english,
                chinese,
                new QueryTranslator(BilingualDictionary.standard()),
                embedder,
                Duration.ofSeconds(30),
                meaningWeight);
        List<Item> all = demoItems();
        items = all.size();
        Analyzer perField = new PerFieldAnalyzerWrapper(english, Map.of(FIELDS.chinese(), chinese));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField))) {
            long start = System.nanoTime();
            List<float[]> vectors = embedder.documentVectors(
                            all.stream().map(i -> i.title() + "\n" + i.text()).toList())
                    .join();
            embeddingNanos = System.nanoTime() - start;
            for (int i = 0; i < all.size(); i++) {
                Item item = all.get(i);
                String text = item.title() + "\n" + item.text();
                Document doc = new Document();
                doc.add(new StringField(KEY, item.key(), Field.Store.YES));
                doc.add(new TextField(FIELDS.english(), text, Field.Store.NO));
                doc.add(new TextField(FIELDS.chinese(), text, Field.Store.NO));
                doc.add(hybrid.vectorField(vectors.get(i)));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
    }

    /** The same index searched with another embedder for queries and another weight of meaning in the fusion. */
    void tune(TextEmbedder queryEmbedder, BilingualDictionary dictionary, double meaningWeight) {
        embedder.close();
        embedder = new BoundedEmbedder(queryEmbedder, 1, 16);
        hybrid = new HybridSearcher(
                FIELDS,
                new EnglishAnalyzer(),
                new SmartChineseAnalyzer(),
                new QueryTranslator(dictionary),
                embedder,
                Duration.ofSeconds(30),
                meaningWeight);
    }

    /** The keys of the top {@code n} items for the query in this mode. */
    List<String> search(String query, SearchMode mode, int n) {
        List<String> keys = new ArrayList<>();
        try {
            for (HybridSearcher.Hit hit : hybrid.search(searcher, query, null, mode, n)) {
                keys.add(searcher.storedFields().document(hit.doc()).get(KEY));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    public static List<Item> demoItems() {
        List<Item> items = new ArrayList<>();
        for (String[] row : rows("/demo/us-patents.tsv.gz", true)) {
            items.add(new Item(row[0], row[2], row[3]));
        }
        for (String[] row : rows("/demo/cn-assets.tsv", false)) {
            items.add(new Item(row[4].isBlank() ? row[2] : row[4], row[2], row[3]));
        }
        return items;
    }

    private static List<String[]> rows(String resource, boolean gzipped) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream raw = JudgedCorpus.class.getResourceAsStream(resource)) {
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.readLine(); // header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        embedder.close();
        reader.close();
        directory.close();
    }
}
