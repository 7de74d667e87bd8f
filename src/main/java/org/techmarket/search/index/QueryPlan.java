package org.techmarket.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.techmarket.search.Search.Audience;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.domain.Criteria;
import org.techmarket.search.domain.IpcTerms;
import org.techmarket.search.meaning.QueryTranslator;
import org.techmarket.search.meaning.QueryTranslator.Translation;

/**
 * The Lucene query of a search. The words are plain words (any character a searcher types is a word character or a
 * separator, never syntax) plus phrases in double quotes; each is looked for in titles and texts in Chinese and English
 * words and in the industries' names, titles weighing most. IPC symbols and patent numbers among the words are looked
 * for too. The words' dictionary translations, when given, are looked for in the same fields with
 * {@link QueryTranslator#TRANSLATION_WEIGHT} of the weight. Only the first {@value #MAX_WORDS} words count. Filters restrict without scoring: within one filter any
 * value, across filters all.
 */
public final class QueryPlan {

    static final int MAX_WORDS = 40;

    private static final int TRANSLATION_SLOP = 2;

    /** The most translated phrases looked for, so that a long query stays within Lucene's clause limit. */
    static final int MAX_TRANSLATIONS = 12;

    private static final Map<String, Float> WORD_FIELDS = Map.of(
            Fields.TITLE_ZH, 3f,
            Fields.TITLE_EN, 3f,
            Fields.TEXT_ZH, 1f,
            Fields.TEXT_EN, 1f,
            Fields.INDUSTRY_ZH, 1.5f,
            Fields.INDUSTRY_EN, 1.5f);

    /** A word of the query as an analyzer gives it, with where it was written. */
    record Token(String term, int start, int end) {}

    private final Query query;
    private final Query matching;
    private final Query words;
    private final Query filter;
    private final String text;
    private final List<Token> chinese;
    private final List<Token> english;
    private final List<IpcTerms.Found> ipcWritten;
    private final List<String> ipcFilter;
    private final List<String> patents;
    private final Translation translation;
    private final Map<String, Query> highlighted;

    private QueryPlan(
            Query query,
            Query matching,
            Query words,
            Query filter,
            String text,
            List<Token> chinese,
            List<Token> english,
            List<IpcTerms.Found> ipcWritten,
            List<String> ipcFilter,
            List<String> patents,
            Translation translation,
            Map<String, Query> highlighted) {
        this.highlighted = highlighted;
        this.query = query;
        this.matching = matching;
        this.words = words;
        this.filter = filter;
        this.text = text;
        this.chinese = chinese;
        this.english = english;
        this.ipcWritten = ipcWritten;
        this.ipcFilter = ipcFilter;
        this.patents = patents;
        this.translation = translation;
    }

    /** The plan of the words as written, untranslated. */
    public static QueryPlan of(Criteria c, Audience audience, Analyzers analyzers) {
        return of(c, audience, analyzers, text -> new Translation(text, List.of(), List.of()));
    }

    /** The plan of the words and of their translations by {@code translator}. */
    public static QueryPlan of(
            Criteria c, Audience audience, Analyzers analyzers, Function<String, Translation> translator) {
        String text = within(c.words(), analyzers.chinese());
        List<Token> chinese = tokens(analyzers.chinese(), text);
        List<Token> english = tokens(analyzers.english(), text);
        List<IpcTerms.Found> ipc = IpcTerms.inText(text);
        List<String> patents = new ArrayList<>();
        for (String word : text.split("[\\s\"]+")) {
            if (word.length() >= 5 && word.chars().anyMatch(Character::isDigit)) {
                patents.add(Fields.patentTerm(word));
            }
        }
        Translation translation = translator.apply(text);
        Map<String, BooleanQuery.Builder> highlighted = new HashMap<>();
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        Query words = words(text, analyzers.perField(), ipc, patents, translated(translation), highlighted, matching);
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        anyOf(filters, Fields.TYPE, c.types());
        anyOf(filters, Fields.INDUSTRY, c.industries());
        anyOf(filters, Fields.PROVINCE, c.provinces());
        anyOf(filters, Fields.KIND, c.kinds());
        anyOf(filters, Fields.MECHANISM, c.mechanisms());
        anyOf(filters, Fields.STATUS, c.statuses());
        anyOf(filters, Fields.IPC, c.ipc());
        if (c.priceMin() != null || c.priceMax() != null) {
            filters.add(
                    LongPoint.newRangeQuery(
                            Fields.PRICE,
                            c.priceMin() == null ? Long.MIN_VALUE : c.priceMin(),
                            c.priceMax() == null ? Long.MAX_VALUE : c.priceMax()),
                    Occur.FILTER);
        }
        if (audience == Audience.PUBLIC) {
            filters.add(new TermQuery(new Term(Fields.VISIBILITY, SearchDocument.PUBLIC)), Occur.FILTER);
        }
        BooleanQuery filter = filters.build();
        return new QueryPlan(
                restricted(words, filter),
                words == null ? restricted(null, filter) : restricted(matching.build(), filter),
                words,
                filter.clauses().isEmpty() ? null : filter,
                text,
                chinese,
                english,
                ipc,
                c.ipc(),
                patents,
                translation,
                built(highlighted));
    }

    public Query query() {
        return query;
    }

    /**
     * What matches {@link #query}, for counting: the same documents, without the translations' phrases, which only
     * weigh documents their words match anyway (a phrase's words standing together are its words), and without weights.
     */
    Query matching() {
        return matching;
    }

    /** The words part alone (for highlighting and ranking); null when the search has no words. */
    public Query words() {
        return words;
    }

    /**
     * What a snippet of {@code field} marks: the words' clauses on that field, without the translations' phrases, whose
     * words are marked anyway by their own clauses (a phrase needs the text indexed in memory to be found, the words
     * alone do not); null when no clause looks at the field.
     */
    Query highlighted(String field) {
        return highlighted.get(field);
    }

    /** The filters alone, which restrict without scoring; null when the search has none. */
    public Query filter() {
        return filter;
    }

    /** The query text as planned (up to its {@value #MAX_WORDS}th word). */
    public String text() {
        return text;
    }

    List<Token> chinese() {
        return chinese;
    }

    List<Token> english() {
        return english;
    }

    List<IpcTerms.Found> ipcWritten() {
        return ipcWritten;
    }

    List<String> ipcFilter() {
        return ipcFilter;
    }

    List<String> patents() {
        return patents;
    }

    Translation translation() {
        return translation;
    }

    /** The translated phrases looked for beside the words (at most {@value #MAX_TRANSLATIONS}). */
    public List<String> translations() {
        return translated(translation);
    }

    static List<String> translated(Translation translation) {
        List<String> all = new ArrayList<>(translation.english());
        all.addAll(translation.chinese());
        return all.size() > MAX_TRANSLATIONS ? all.subList(0, MAX_TRANSLATIONS) : all;
    }

    private static Map<String, Query> built(Map<String, BooleanQuery.Builder> builders) {
        Map<String, Query> built = new HashMap<>();
        builders.forEach((field, builder) -> built.put(field, builder.build()));
        return Map.copyOf(built);
    }

    private static Query restricted(Query words, BooleanQuery filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(words == null ? new MatchAllDocsQuery() : words, words == null ? Occur.FILTER : Occur.MUST);
        filter.clauses().forEach(all::add);
        return all.build();
    }

    /** The clauses of the words, of what is marked in each field, and of what counts as a match. */
    private record Clauses(
            BooleanQuery.Builder words, Map<String, BooleanQuery.Builder> highlighted, BooleanQuery.Builder matching) {

        void marked(String field, Query clause) {
            matched(clause);
            highlighted.computeIfAbsent(field, f -> new BooleanQuery.Builder()).add(clause, Occur.SHOULD);
        }

        void matched(Query clause) {
            words.add(clause, Occur.SHOULD);
            matching.add(clause instanceof BoostQuery boosted ? boosted.getQuery() : clause, Occur.SHOULD);
        }

        void weighed(Query clause) {
            words.add(clause, Occur.SHOULD);
        }
    }

    private static Query words(
            String text,
            Analyzer analyzer,
            List<IpcTerms.Found> ipc,
            List<String> patents,
            List<String> translated,
            Map<String, BooleanQuery.Builder> highlighted,
            BooleanQuery.Builder matching) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Clauses clauses = new Clauses(words, highlighted, matching);
        QueryBuilder builder = new QueryBuilder(analyzer);
        int count = 0;
        String[] segments = text.split("\"", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].strip();
            if (segment.isEmpty()) {
                continue;
            }
            boolean phrase = i % 2 == 1;
            for (Map.Entry<String, Float> field : WORD_FIELDS.entrySet()) {
                Query q = phrase
                        ? builder.createPhraseQuery(field.getKey(), segment)
                        : builder.createBooleanQuery(field.getKey(), segment, Occur.SHOULD);
                if (q != null) {
                    clauses.marked(field.getKey(), new BoostQuery(q, field.getValue()));
                    count++;
                }
            }
        }
        for (String phrase : translated) {
            for (Map.Entry<String, Float> field : WORD_FIELDS.entrySet()) {
                Query any = builder.createBooleanQuery(field.getKey(), phrase, Occur.SHOULD);
                Query together = builder.createPhraseQuery(field.getKey(), phrase, TRANSLATION_SLOP);
                float weight = field.getValue() * QueryTranslator.TRANSLATION_WEIGHT;
                if (any != null) {
                    clauses.marked(field.getKey(), new BoostQuery(any, weight));
                    count++;
                }
                if (together != null && !together.equals(any)) {
                    // A translation's words standing together count for more than scattered ones.
                    clauses.weighed(new BoostQuery(together, weight));
                }
            }
        }
        for (IpcTerms.Found found : ipc) {
            clauses.matched(new BoostQuery(new TermQuery(new Term(Fields.IPC, found.term())), 4f));
            count++;
        }
        for (String patent : patents) {
            clauses.matched(new BoostQuery(new TermQuery(new Term(Fields.PATENT, patent)), 10f));
            count++;
        }
        return count == 0 ? null : words.build();
    }

    private static void anyOf(BooleanQuery.Builder all, String field, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        all.add(any.build(), Occur.FILTER);
    }

    /** The query text up to the end of its {@value #MAX_WORDS}th word. */
    private static String within(String text, Analyzer analyzer) {
        List<Token> tokens = tokens(analyzer, text);
        if (tokens.size() <= MAX_WORDS) {
            return text;
        }
        String cut = text.substring(0, tokens.get(MAX_WORDS - 1).end());
        // A cut inside a phrase leaves its quote open: drop that quote.
        return cut.chars().filter(ch -> ch == '"').count() % 2 == 0 ? cut : cut.replace("\"", " ");
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
