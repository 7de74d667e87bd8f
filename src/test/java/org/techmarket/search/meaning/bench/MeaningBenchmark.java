package org.techmarket.search.meaning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *      org.techmarket.search.meaning.bench.MeaningBenchmark [vectors] [queries] [mixed|copies]
 * </pre>
 *
 * The corpus vectors are made as {@code SearchBenchmark} makes its documents, from two of the demo market's 239 real
 * document vectors: a document made of half of one text and half of another lies between the two, so each vector is a
 * random mix of two real ones (the first's weight uniform in [0, 1]) with a little Gaussian noise (σ 0.005 per
 * dimension), normalised. With {@code copies} as third argument they are instead, as before, the 239 copied over and
 * over with more noise (σ 0.03): about 420 copies of each, all nearly as close to a query as one another, whose exact top
 * 10 is decided by noise a graph cannot follow (see ADR 0072). The queries are the judged queries' vectors. HNSW is
 * asked for the top 10, and also for the top 50 (what the market's vectors and hybrid modes ask, {@code
 * HybridSearcher}'s fusion depth) and 100 cut to their first 10: the more candidates the graph explores, the higher
 * the recall and the latency.
 */
public final class MeaningBenchmark {

    private static final int K = 10;

    /** How many candidates HNSW is asked for, of which the first {@link #K} are compared with the exact top 10. */
    private static final int[] CANDIDATES = {10, 50, 100};

    /** How the corpus vectors are made from the real ones. */
    public enum Corpus {
        /** A random mix of two real vectors, as the benchmark's documents mix two real texts. */
        MIXED,
        /** Each real vector copied over and over with noise: many near ties (the corpus before ADR 0072). */
        COPIES
    }

    private MeaningBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Corpus corpus = args.length > 2 ? Corpus.valueOf(args[2].toUpperCase(java.util.Locale.ROOT)) : Corpus.MIXED;

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

        vectorFigures(model, real, count, queryCount, corpus);
    }

    /**
     * Vector search over {@code count} vectors: loads the model, embeds the demo market's items, and prints what
     * {@link #main} prints about HNSW (build rate, latency against an exact scan, recall@10).
     */
    public static void vectorSearch(int count, int queryCount) throws IOException {
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder();
        vectorFigures(model, embedInBatches(model, demoTexts()), count, queryCount, Corpus.MIXED);
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

    private static void vectorFigures(
            BgeSmallZhEmbedder model, List<float[]> real, int count, int queryCount, Corpus kind) throws IOException {
        List<String> queries = RelevanceEvaluation.judgedSet().stream()
                .map(RelevanceEvaluation.Judged::query)
                .toList();
        List<float[]> queryVectors = new ArrayList<>();
        for (int i = 0; i < queryCount; i++) {
            queryVectors.add(model.embedQuery(queries.get(i % queries.size())));
        }

        float[][] corpus =
                kind == Corpus.MIXED ? mixed(real, count, new Random(44)) : copies(real, count, new Random(44));
        long start;
        Path dir = Files.createTempDirectory("meaning-bench");
        int threads = Runtime.getRuntime().availableProcessors();
        try (FSDirectory directory = FSDirectory.open(dir)) {
            start = System.nanoTime();
            IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(1024);
            // Each thread builds the graph of its own segment, as the market's index has several; no merge into one.
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int part = t;
                    parts.add(pool.submit(() -> {
                        for (int i = part; i < corpus.length; i += threads) {
                            Document doc = new Document();
                            doc.add(new StoredField("n", i));
                            doc.add(new KnnFloatVectorField("vector", corpus[i], VectorSimilarityFunction.COSINE));
                            writer.addDocument(doc);
                        }
                        return null;
                    }));
                }
                for (Future<?> part : parts) {
                    part.get();
                }
                pool.shutdown();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
            long indexMillis = millisSince(start);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                System.out.printf(
                        "hnsw index (%s corpus): %,d vectors of %d dimensions built in %.1f s (%.0f vectors/s) on %d"
                                + " threads, %d segments%n",
                        kind.name().toLowerCase(java.util.Locale.ROOT),
                        count,
                        corpus[0].length,
                        indexMillis / 1000.0,
                        count / (indexMillis / 1000.0),
                        threads,
                        reader.leaves().size());
            }
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
        long[] exact = new long[queries.size()];
        List<int[]> truths = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            long start = System.nanoTime();
            truths.add(exactTop(corpus, queries.get(q)));
            exact[q] = System.nanoTime() - start;
        }
        Arrays.sort(exact);
        System.out.printf(
                "exact scan (baseline) top %d over %,d: p50 %.2f ms p99 %.2f ms (%d queries)%n",
                K, corpus.length, percentile(exact, 50) / 1e6, percentile(exact, 99) / 1e6, queries.size());
        for (int candidates : CANDIDATES) {
            long[] hnsw = new long[queries.size()];
            double recall = 0;
            for (int q = 0; q < queries.size(); q++) {
                long start = System.nanoTime();
                ScoreDoc[] found =
                        searcher.search(new KnnFloatVectorQuery("vector", queries.get(q), candidates), K).scoreDocs;
                hnsw[q] = System.nanoTime() - start;
                int[] truth = truths.get(q);
                long hits = 0;
                for (ScoreDoc d : found) {
                    int n = searcher.storedFields()
                            .document(d.doc)
                            .getField("n")
                            .numericValue()
                            .intValue();
                    hits += Arrays.stream(truth).anyMatch(t -> t == n) ? 1 : 0;
                }
                recall += hits / (double) K;
            }
            Arrays.sort(hnsw);
            System.out.printf(
                    "hnsw top %d of %d candidates: p50 %.2f ms p99 %.2f ms | exact/hnsw at p50 %.0fx | recall@10 vs"
                            + " exact %.3f%n",
                    K,
                    candidates,
                    percentile(hnsw, 50) / 1e6,
                    percentile(hnsw, 99) / 1e6,
                    (double) percentile(exact, 50) / percentile(hnsw, 50),
                    recall / queries.size());
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
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

    /** Each vector a random mix of two real ones with a little noise, normalised. */
    private static float[][] mixed(List<float[]> real, int count, Random random) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] a = real.get(random.nextInt(real.size()));
            float[] b = real.get(random.nextInt(real.size()));
            float w = random.nextFloat();
            float[] v = new float[a.length];
            for (int d = 0; d < v.length; d++) {
                v[d] = w * a[d] + (1 - w) * b[d] + (float) (random.nextGaussian() * 0.005);
            }
            out[i] = normalised(v);
        }
        return out;
    }

    /** Each real vector copied over and over with noise, normalised: many near ties. */
    private static float[][] copies(List<float[]> real, int count, Random random) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] base = real.get(i % real.size());
            float[] v = new float[base.length];
            for (int d = 0; d < v.length; d++) {
                v[d] = base[d] + (float) (random.nextGaussian() * 0.03);
            }
            out[i] = normalised(v);
        }
        return out;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < v.length; d++) {
            v[d] *= scale;
        }
        return v;
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
