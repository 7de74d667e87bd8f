package org.techmarket.search.meaning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Searches one Lucene index by words, by meaning or both. Words: BM25 over an English-analysed and a Chinese-analysed
 * field, the query's own words at full weight and their dictionary translations at {@link
 * QueryTranslator#TRANSLATION_WEIGHT}. Meaning: the nearest document vectors (HNSW) to the query's vector. Hybrid: the
 * two rankings fused by reciprocal rank; when no query vector comes in time, words alone answer.
 */
public final class HybridSearcher {

    /** How many of each ranking the fusion looks at, whatever the page size. */
    static final int FUSION_DEPTH = 50;

    /** The weight of the vector ranking in the fusion (the words ranking weighs 1), as measured in ADR 0044. */
    public static final double MEANING_WEIGHT = 0.1;

    private static final int PHRASE_SLOP = 2;

    /** The index's field names: the indexer writes these with {@link #vectorField} and the same analyzers. */
    public record Fields(String english, String chinese, String vector) {}

    /** A document found, its score (BM25, cosine or fused), and whether words, meaning or both found it. */
    public record Hit(int doc, float score, boolean byWords, boolean byMeaning) {}

    private final Fields fields;
    private final Analyzer english;
    private final Analyzer chinese;
    private final Function<String, QueryTranslator.Translation> translator;
    private final BoundedEmbedder embedder;
    private final Duration queryVectorWait;
    private final double meaningWeight;

    /**
     * @param meaningWeight how much the vector ranking weighs in the fusion against the words ranking's 1
     */
    public HybridSearcher(
            Fields fields,
            Analyzer english,
            Analyzer chinese,
            QueryTranslator translator,
            BoundedEmbedder embedder,
            Duration queryVectorWait,
            double meaningWeight) {
        this(fields, english, chinese, translator::translate, embedder, queryVectorWait, meaningWeight);
    }

    /**
     * @param translator the query's translations (for instance none until a dictionary has loaded)
     */
    public HybridSearcher(
            Fields fields,
            Analyzer english,
            Analyzer chinese,
            Function<String, QueryTranslator.Translation> translator,
            BoundedEmbedder embedder,
            Duration queryVectorWait,
            double meaningWeight) {
        this.meaningWeight = meaningWeight;
        this.fields = fields;
        this.english = english;
        this.chinese = chinese;
        this.translator = translator;
        this.embedder = embedder;
        this.queryVectorWait = queryVectorWait;
    }

    /** A document's vector field, for the indexer (cosine similarity, as BGE's vectors are compared). */
    public KnnFloatVectorField vectorField(float[] vector) {
        return new KnnFloatVectorField(fields.vector(), vector, VectorSimilarityFunction.COSINE);
    }

    /** The top {@code n} documents that pass {@code filter} (a query that must match; null for none). */
    public List<Hit> search(IndexSearcher searcher, String query, Query filter, SearchMode mode, int n) {
        return rank(searcher, wordsQuery(query), query, filter, mode, n);
    }

    /**
     * The top {@code n} documents that pass {@code filter}, the words ranking given by the caller's own {@code words}
     * query (an index with more fields than this searcher's plans its words itself).
     */
    public List<Hit> rank(IndexSearcher searcher, Query words, String query, Query filter, SearchMode mode, int n) {
        try {
            return switch (mode) {
                case WORDS -> words(searcher, words, filter, n);
                case VECTORS -> meaning(searcher, query, filter, n).orElse(List.of());
                case HYBRID -> hybrid(searcher, words, query, filter, n);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words query: the query's own words and, weighed less, its translations, over both language fields. */
    public Query wordsQuery(String query) {
        QueryTranslator.Translation translation = translator.apply(query);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        addText(all, query, 1f);
        List<String> translated = new ArrayList<>(translation.english());
        translated.addAll(translation.chinese());
        for (String phrase : translated) {
            addText(all, phrase, QueryTranslator.TRANSLATION_WEIGHT);
        }
        BooleanQuery built = all.build();
        return built.clauses().isEmpty() ? new MatchNoDocsQuery("no words") : built;
    }

    private void addText(BooleanQuery.Builder all, String text, float weight) {
        for (Query q :
                List.of(textQuery(fields.english(), english, text), textQuery(fields.chinese(), chinese, text))) {
            if (!(q instanceof MatchNoDocsQuery)) {
                all.add(new BoostQuery(q, weight), BooleanClause.Occur.SHOULD);
            }
        }
    }

    private static Query textQuery(String field, Analyzer analyzer, String text) {
        List<String> terms = terms(analyzer, field, text);
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(term -> any.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD));
        if (terms.size() > 1) {
            // Words that stand together in the query and in the document count for more than scattered ones.
            any.add(new PhraseQuery(PHRASE_SLOP, field, terms.toArray(String[]::new)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < BooleanQuery.getMaxClauseCount() / 8) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private List<Hit> words(IndexSearcher searcher, Query words, Query filter, int n) throws IOException {
        ScoreDoc[] docs = searcher.search(filtered(words, filter), n).scoreDocs;
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            hits.add(new Hit(doc.doc, doc.score, true, false));
        }
        return hits;
    }

    private Optional<List<Hit>> meaning(IndexSearcher searcher, String query, Query filter, int n) throws IOException {
        Optional<float[]> vector = embedder.queryVector(query, queryVectorWait);
        if (vector.isEmpty()) {
            return Optional.empty();
        }
        ScoreDoc[] docs =
                searcher.search(new KnnFloatVectorQuery(fields.vector(), vector.get(), n, filter), n).scoreDocs;
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            hits.add(new Hit(doc.doc, doc.score, false, true));
        }
        return Optional.of(hits);
    }

    private List<Hit> hybrid(IndexSearcher searcher, Query words, String query, Query filter, int n)
            throws IOException {
        int depth = Math.max(n, FUSION_DEPTH);
        List<Hit> byWords = words(searcher, words, filter, depth);
        Optional<List<Hit>> byMeaning = meaning(searcher, query, filter, depth);
        if (byMeaning.isEmpty()) {
            return byWords.subList(0, Math.min(n, byWords.size()));
        }
        List<RankFusion.Fused<Integer>> fused = RankFusion.fuse(
                List.of(docs(byWords), docs(byMeaning.get())), new double[] {1.0, meaningWeight}, RankFusion.K);
        return fused.stream()
                .limit(n)
                .map(f -> new Hit(
                        f.item(),
                        (float) f.score(),
                        f.foundBy().contains(0),
                        f.foundBy().contains(1)))
                .toList();
    }

    private static List<Integer> docs(List<Hit> hits) {
        return hits.stream().map(Hit::doc).toList();
    }

    private static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }
}
