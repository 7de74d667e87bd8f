package org.techmarket.search.meaning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.techmarket.search.meaning.BgeSmallZhEmbedder;
import org.techmarket.search.meaning.BilingualDictionary;
import org.techmarket.search.meaning.JudgedCorpus;
import org.techmarket.search.meaning.RelevanceEvaluation;

/**
 * What meaning costs: the dictionary's load time and heap, the embedding model's load time, heap and throughput
 * (texts/s, one at a time and in batches), and vector search over {@code vectors} (default 100,000) vectors of the
 * model's 512 dimensions in Lucene's HNSW, against an exact scan of the same vectors in the same run (the baseline),
 * with HNSW's recall@10 against the exact answer.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      org.techmarket.search.meaning.bench.MeaningBenchmark [vectors] [queries]
 * </pre>
 *
 * The corpus vectors are the demo market's 239 real document vectors, each copied with Gaussian noise (σ 0.03 per
 * dimension, then normalised), so the neighbourhoods look like real ones; the queries are the judged queries' vectors.
 */
public final class MeaningBenchmark {

    private static final int K = 10;

    private MeaningBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;

        long heap0 = usedHeap();
        long start = System.nanoTime();
        BilingualDictionary dictionary = BilingualDictionary.load(true);
        long dictionaryMillis = millisSince(start);
        long dictionaryHeap = usedHeap() - heap0;
        System.out.printf(
                "dictionary: %,d headwords loaded in %d ms, %.1f MB heap%n",
                dictionary.headwords(), dictionaryMillis, dictionaryHeap / 1e6);

        long heap1 = usedHeap();
        start = System.nanoTime();
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder();
        model.embedAll(List.of("warm up"));
        long modelMillis = millisSince(start);
        System.out.printf(
                "model: loaded in %d ms, %.1f MB heap (ONNX Runtime keeps the weights off the heap)%n",
                modelMillis, (usedHeap() - heap1) / 1e6);

        List<String> texts = demoTexts();
        start = System.nanoTime();
        for (String text : texts.subList(0, 40)) {
            model.embedAll(List.of(text));
        }
        double oneAtATime = 40 / (millisSince(start) / 1000.0);
        start = System.nanoTime();
        List<float[]> real = embedInBatches(model, texts);
        double batched = texts.size() / (millisSince(start) / 1000.0);
        System.out.printf(
                "embedding: %.1f texts/s one at a time (%.1f ms each), %.1f texts/s in batches of 32 (demo abstracts)%n",
                oneAtATime, 1000 / oneAtATime, batched);

        vectorFigures(model, real, count, queryCount);
    }

    /**
     * Vector search over {@code count} vectors: loads the model, embeds the demo market's items, and prints what
     * {@link #main} prints about HNSW (build rate, latency against an exact scan, recall@10).
     */
    public static void vectorSearch(int count, int queryCount) throws IOException {
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder();
        vectorFigures(model, embedInBatches(model, demoTexts()), count, queryCount);
    }

    private static List<String> demoTexts() {
        return JudgedCorpus.demoItems().stream()
                .map(i -> i.title() + "\n" + i.text())
                .toList();
    }

    private static List<float[]> embedInBatches(BgeSmallZhEmbedder model, List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += 32) {
            vectors.addAll(model.embedAll(texts.subList(from, Math.min(texts.size(), from + 32))));
        }
        return vectors;
    }

    private static void vectorFigures(BgeSmallZhEmbedder model, List<float[]> real, int count, int queryCount)
            throws IOException {
        List<String> queries = RelevanceEvaluation.judgedSet().stream()
                .map(RelevanceEvaluation.Judged::query)
                .toList();
        List<float[]> queryVectors = new ArrayList<>();
        for (int i = 0; i < queryCount; i++) {
            queryVectors.add(model.embedQuery(queries.get(i % queries.size())));
        }

        float[][] corpus = synthetic(real, count, new Random(44));
        long start;
        Path dir = Files.createTempDirectory("meaning-bench");
        try (FSDirectory directory = FSDirectory.open(dir)) {
            start = System.nanoTime();
            IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(1024);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < corpus.length; i++) {
                    Document doc = new Document();
                    doc.add(new StoredField("n", i));
                    doc.add(new KnnFloatVectorField("vector", corpus[i], VectorSimilarityFunction.COSINE));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            long indexMillis = millisSince(start);
            System.out.printf(
                    "hnsw index: %,d vectors of %d dimensions built in %.1f s (%.0f vectors/s)%n",
                    count, corpus[0].length, indexMillis / 1000.0, count / (indexMillis / 1000.0));
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searchFigures(searcher, corpus, queryVectors);
                System.out.printf("heap used with the index open: %.1f MB%n", usedHeap() / 1e6);
            }
        } finally {
            IOUtils.rm(dir);
        }
    }

    private static void searchFigures(IndexSearcher searcher, float[][] corpus, List<float[]> queries)
            throws IOException {
        for (int warm = 0; warm < 20; warm++) {
            searcher.search(new KnnFloatVectorQuery("vector", queries.get(warm % queries.size()), K), K);
        }
        long[] hnsw = new long[queries.size()];
        long[] exact = new long[queries.size()];
        double recall = 0;
        for (int q = 0; q < queries.size(); q++) {
            float[] query = queries.get(q);
            long start = System.nanoTime();
            ScoreDoc[] found = searcher.search(new KnnFloatVectorQuery("vector", query, K), K).scoreDocs;
            hnsw[q] = System.nanoTime() - start;
            start = System.nanoTime();
            int[] truth = exactTop(corpus, query);
            exact[q] = System.nanoTime() - start;
            long hits = Arrays.stream(found)
                    .mapToInt(d -> {
                        try {
                            return searcher.storedFields()
                                    .document(d.doc)
                                    .getField("n")
                                    .numericValue()
                                    .intValue();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .filter(n -> Arrays.stream(truth).anyMatch(t -> t == n))
                    .count();
            recall += hits / (double) K;
        }
        Arrays.sort(hnsw);
        Arrays.sort(exact);
        System.out.printf(
                "vector search top %d over %,d: hnsw p50 %.2f ms p99 %.2f ms | exact scan (baseline) p50 %.2f ms p99"
                        + " %.2f ms | ratio exact/hnsw at p50 %.1fx | hnsw recall@10 vs exact %.3f (%d queries)%n",
                K,
                corpus.length,
                hnsw[hnsw.length / 2] / 1e6,
                hnsw[(int) (hnsw.length * 0.99)] / 1e6,
                exact[exact.length / 2] / 1e6,
                exact[(int) (exact.length * 0.99)] / 1e6,
                (double) exact[exact.length / 2] / hnsw[hnsw.length / 2],
                recall / queries.size(),
                queries.size());
    }

    /** The exact top K by a full scan, kept in a small sorted array (what a brute-force search would do). */
    private static int[] exactTop(float[][] corpus, float[] query) {
        int[] top = new int[K];
        float[] best = new float[K];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < corpus.length; i++) {
            float dot = 0;
            float[] v = corpus[i];
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * query[d];
            }
            if (dot > best[K - 1]) {
                int at = K - 1;
                while (at > 0 && best[at - 1] < dot) {
                    best[at] = best[at - 1];
                    top[at] = top[at - 1];
                    at--;
                }
                best[at] = dot;
                top[at] = i;
            }
        }
        return top;
    }

    private static float[][] synthetic(List<float[]> real, int count, Random random) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] base = real.get(i % real.size());
            float[] v = new float[base.length];
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] = base[d] + (float) (random.nextGaussian() * 0.03);
                norm += v[d] * v[d];
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < v.length; d++) {
                v[d] *= scale;
            }
            out[i] = v;
        }
        return out;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
