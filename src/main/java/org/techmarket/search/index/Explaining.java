package org.techmarket.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.QueryTermExtractor;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.WeightedTerm;
import org.apache.lucene.util.BytesRef;
import org.techmarket.search.SearchResult.Reason;
import org.techmarket.search.domain.IpcTerms;

/**
 * A hit's snippet and reasons. The snippet is HTML: the item's text (its title when it has none) escaped, with the
 * words that matched in {@code <mark>}; up to two fragments of about 160 characters joined by " … ". The reasons say
 * which of the searcher's words matched the title or the text (as the searcher wrote them: "title matches 燃料电池"),
 * which IPC symbol matched ("IPC H01M"), which industry's name matched ("industry NEW_ENERGY_STORAGE") and a matching
 * patent number, and which translations of the searcher's words matched ("translated: 燃料电池 → fuel cell").
 */
final class Explaining {

    private static final int FRAGMENT = 160;
    private static final int FRAGMENTS = 2;
    private static final int PLAIN_SNIPPET = 240;
    private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");
    private static final Pattern ADJACENT_MARKS = Pattern.compile("</mark>(\\s?)<mark>");

    /**
     * The words of each future industry's names as the index analyses them, analysed once per node: the names are fixed
     * and analysing them costs a search more than looking its words up.
     */
    private static final Map<String, Set<String>> NAME_TERMS = new ConcurrentHashMap<>();

    /** A translated phrase with its words as each analyzer gives them. */
    private record Translated(String phrase, Set<String> chinese, Set<String> english) {}

    private final QueryPlan plan;
    private final Analyzers analyzers;
    private final List<LeafReaderContext> leaves;
    private final SimpleHTMLEncoder encoder = new SimpleHTMLEncoder();
    private final Map<String, Boolean> phrases = new HashMap<>();
    private final List<Translated> translated;
    private final Map<String, List<WeightedTerm>> markedTerms;
    private final Lookups lookups = new Lookups();
    private final SharedTerms shared;

    /**
     * Explains hits of {@code plan} found in {@code reader}: where their words stand (for the snippets) and which words
     * they hold (for the reasons) are looked up in the reader's index, not found by analysing their texts again; a word
     * the search looked up already is read from {@code shared}, not sought again.
     */
    Explaining(QueryPlan plan, Analyzers analyzers, IndexReader reader, SharedTerms shared) {
        this.shared = shared;
        this.plan = plan;
        this.analyzers = analyzers;
        this.leaves = reader.leaves();
        this.translated = QueryPlan.translated(plan.translation()).stream()
                .map(phrase ->
                        new Translated(phrase, terms(analyzers.chinese(), phrase), terms(analyzers.english(), phrase)))
                .toList();
        this.markedTerms = Map.of(
                Fields.TEXT_ZH, weighted(plan.highlighted(Fields.TEXT_ZH), Fields.TEXT_ZH),
                Fields.TEXT_EN, weighted(plan.highlighted(Fields.TEXT_EN), Fields.TEXT_EN));
    }

    /**
     * The snippet of document {@code doc} (of the reader): its text (its title when it has none) with the words marked
     * where the index's offsets say they stand; a phrase the searcher quoted is marked only where its words stand
     * together, which the text analysed once more tells.
     */
    String snippet(int doc, String title, String text) throws IOException {
        boolean hasText = text != null && !text.isBlank();
        String source = hasText ? text : title;
        if (plan.words() != null) {
            Held held = new Held(doc);
            String zh = snippet(held, source, hasText ? Fields.TEXT_ZH : Fields.TITLE_ZH, Fields.TEXT_ZH);
            if (zh != null) {
                return zh;
            }
            String en = snippet(held, source, hasText ? Fields.TEXT_EN : Fields.TITLE_EN, Fields.TEXT_EN);
            if (en != null) {
                return en;
            }
        }
        String plain = source.length() > PLAIN_SNIPPET ? source.substring(0, PLAIN_SNIPPET) + "…" : source;
        return encoder.encodeText(plain);
    }

    /** The source's snippet by the words the query looks for in {@code queried}, found in {@code indexed}. */
    private String snippet(Held held, String source, String indexed, String queried) throws IOException {
        Query marked = plan.highlighted(queried);
        if (marked == null) {
            return null;
        }
        if (phrases.computeIfAbsent(queried, field -> hasPhrase(marked))) {
            Analyzer analyzer = queried.equals(Fields.TEXT_ZH) ? analyzers.chinese() : analyzers.english();
            return highlight(source, queried, analyzer, marked);
        }
        List<MarkedFragments.Span> spans = new ArrayList<>();
        for (WeightedTerm term : markedTerms.get(queried)) {
            held.offsets(indexed, term, spans);
        }
        return MarkedFragments.best(source, spans, FRAGMENT, FRAGMENTS, encoder);
    }

    /** Why document {@code doc} (of the reader) matched, its title, text, snippet, industries, IPC and patent given. */
    List<Reason> why(int doc, String title, String snippet, List<String> industries, List<String> ipc, String patent)
            throws IOException {
        Set<Reason> why = new LinkedHashSet<>();
        Held held = new Held(doc);
        matched(held).forEach(words -> why.add(Reason.of(Reason.Kind.TITLE, words)));
        Matcher marked = MARKED.matcher(ADJACENT_MARKS.matcher(snippet).replaceAll("$1"));
        int fromText = 0;
        while (marked.find() && fromText < 3) {
            String words = unescape(marked.group(1));
            if (why.add(Reason.of(Reason.Kind.TEXT, words))) {
                fromText++;
            }
        }
        Set<String> levels = new HashSet<>();
        ipc.forEach(symbol -> levels.addAll(IpcTerms.levels(symbol)));
        plan.ipcWritten().stream()
                .filter(found -> levels.contains(found.term()))
                .forEach(found -> why.add(Reason.of(Reason.Kind.IPC, found.written())));
        plan.ipcFilter().stream().filter(levels::contains).forEach(term -> why.add(Reason.of(Reason.Kind.IPC, term)));
        for (String industry : industries) {
            Set<String> names = NAME_TERMS.computeIfAbsent(industry, Explaining::nameTerms);
            boolean named = plan.chinese().stream().anyMatch(t -> names.contains(t.term()))
                    || plan.english().stream().anyMatch(t -> names.contains(t.term()));
            if (named) {
                why.add(Reason.of(Reason.Kind.INDUSTRY, industry));
            }
        }
        if (patent != null && plan.patents().contains(Fields.patentTerm(patent))) {
            why.add(Reason.of(Reason.Kind.PATENT, patent));
        }
        translatedMatches(held).ifPresent(why::add);
        return List.copyOf(why);
    }

    private static Set<String> nameTerms(String industry) {
        Set<String> names = new HashSet<>();
        for (String name : Fields.names(industry)) {
            names.addAll(terms(NameAnalysis.CHINESE, name));
            names.addAll(terms(NameAnalysis.ENGLISH, name));
        }
        return Set.copyOf(names);
    }

    /** The analyzers the index's industry names are indexed with, built on first use. */
    private static final class NameAnalysis {
        static final Analyzer CHINESE = Analysis.chinese();
        static final Analyzer ENGLISH = Analysis.english();
    }

    /** The translations all of whose words are in the item's title or text, as one reason. */
    private Optional<Reason> translatedMatches(Held held) throws IOException {
        List<String> matched = new ArrayList<>();
        for (Translated t : translated) {
            if (within(t.chinese(), held, Fields.TITLE_ZH, Fields.TEXT_ZH)
                    || within(t.english(), held, Fields.TITLE_EN, Fields.TEXT_EN)) {
                matched.add(t.phrase());
            }
        }
        return matched.isEmpty()
                ? Optional.empty()
                : Optional.of(new Reason(
                        Reason.Kind.TRANSLATED, plan.translation().query().strip(), String.join(", ", matched)));
    }

    /** The searcher's words (as written) found in the title, runs of adjacent words together. */
    private List<String> matched(Held held) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        found.addAll(runs(plan.chinese(), held, Fields.TITLE_ZH));
        found.addAll(runs(plan.english(), held, Fields.TITLE_EN));
        return List.copyOf(found);
    }

    private List<String> runs(List<QueryPlan.Token> query, Held held, String field) throws IOException {
        List<String> runs = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (QueryPlan.Token token : query) {
            if (held.has(field, token.term())) {
                if (start < 0) {
                    start = token.start();
                }
                end = token.end();
            } else if (start >= 0) {
                runs.add(plan.text().substring(start, end));
                start = -1;
            }
        }
        if (start >= 0) {
            runs.add(plan.text().substring(start, end));
        }
        return runs;
    }

    /** Whether every one of {@code words} (at least one) is in the item's {@code title} or {@code text} field. */
    private static boolean within(Set<String> words, Held held, String title, String text) throws IOException {
        if (words.isEmpty()) {
            return false;
        }
        for (String word : words) {
            if (!held.has(title, word) && !held.has(text, word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words one document holds, as its fields were indexed: a field holds a word when the word's postings list
     * the document, which is what analysing the field's text again would say.
     */
    private final class Held {
        private final int leaf;
        private final int doc;
        private final Map<String, Boolean> known = new HashMap<>();

        Held(int doc) {
            this.leaf = ReaderUtil.subIndex(doc, leaves);
            this.doc = doc - leaves.get(leaf).docBase;
        }

        boolean has(String field, String word) throws IOException {
            String key = field + '\u0000' + word;
            Boolean found = known.get(key);
            if (found == null) {
                PostingsEnum postings = lookups.postings(leaf, field, word, PostingsEnum.NONE);
                found = postings != null && postings.advance(doc) == doc;
                known.put(key, found);
            }
            return found;
        }

        /** Adds where {@code term} stands in the document's {@code field}, by the offsets the index stored. */
        void offsets(String field, WeightedTerm term, List<MarkedFragments.Span> spans) throws IOException {
            PostingsEnum postings = lookups.postings(leaf, field, term.getTerm(), PostingsEnum.OFFSETS);
            if (postings == null || postings.advance(doc) != doc) {
                return;
            }
            for (int i = 0; i < postings.freq(); i++) {
                postings.nextPosition();
                spans.add(new MarkedFragments.Span(
                        postings.startOffset(), postings.endOffset(), term.getTerm(), term.getWeight()));
            }
        }
    }

    /**
     * The page's term lookups: one terms enumeration per segment and field; a word the search's passes looked up is
     * not sought again, any other once per segment and field (its place in the terms dictionary kept), whichever of the
     * page's hits asks; the postings are read afresh for each hit, as a hit's document may come before one read
     * already.
     */
    private final class Lookups {
        private final Map<String, TermsEnum> enums = new HashMap<>();
        private final Map<String, TermState> states = new HashMap<>();
        private final Set<String> absent = new HashSet<>();
        /** The last postings read per segment, field and flags, handed back to Lucene to read the next word's into. */
        private final Map<String, PostingsEnum> reused = new HashMap<>();

        /** The postings of {@code word} in segment {@code leaf}'s {@code field}; null when it has no such word. */
        PostingsEnum postings(int leaf, String field, String word, int flags) throws IOException {
            Terms terms = leaves.get(leaf).reader().terms(field);
            if (terms == null || (flags == PostingsEnum.OFFSETS && !terms.hasOffsets())) {
                return null;
            }
            String at = leaf + "\u0000" + field;
            TermsEnum words = enums.get(at);
            if (words == null) {
                words = terms.iterator();
                enums.put(at, words);
            }
            BytesRef term = new BytesRef(word);
            Term asked = new Term(field, term);
            if (shared.knows(asked)) {
                TermState state = shared.state(asked, leaves.get(leaf));
                if (state == null) {
                    return null;
                }
                words.seekExact(term, state);
                return postings(words, at, flags);
            }
            String key = at + "\u0000" + word;
            if (absent.contains(key)) {
                return null;
            }
            TermState state = states.get(key);
            if (state != null) {
                words.seekExact(term, state);
            } else if (words.seekExact(term)) {
                states.put(key, words.termState());
            } else {
                absent.add(key);
                return null;
            }
            return postings(words, at, flags);
        }

        /** A hit reads a word's postings to its end before it asks for another's, so one enumeration serves all. */
        private PostingsEnum postings(TermsEnum words, String at, int flags) throws IOException {
            String key = at + "\u0000" + flags;
            PostingsEnum postings = words.postings(reused.get(key), flags);
            reused.put(key, postings);
            return postings;
        }
    }

    private static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new HashSet<>();
        QueryPlan.tokens(analyzer, text).forEach(t -> terms.add(t.term()));
        return terms;
    }

    /** A quoted phrase is marked only where its words stand together: the text is analysed and indexed in memory. */
    private String highlight(String source, String field, Analyzer analyzer, Query marked) {
        Highlighter highlighter =
                new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), encoder, new QueryScorer(marked, field));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT));
        try (TokenStream tokens = analyzer.tokenStream(field, source)) {
            String best = highlighter.getBestFragments(tokens, source, FRAGMENTS, " … ");
            return best == null || best.isEmpty() ? null : best;
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null;
        }
    }

    private static boolean hasPhrase(Query marked) {
        boolean[] phrase = {false};
        marked.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                phrase[0] |= !(query instanceof TermQuery);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return phrase[0];
    }

    /** The distinct words a query looks for in a field, each with its greatest weight. */
    private static List<WeightedTerm> weighted(Query marked, String field) {
        if (marked == null) {
            return List.of();
        }
        Map<String, WeightedTerm> byTerm = new LinkedHashMap<>();
        for (WeightedTerm t : QueryTermExtractor.getTerms(marked, false, field)) {
            byTerm.merge(t.getTerm(), t, (a, b) -> a.getWeight() >= b.getWeight() ? a : b);
        }
        return List.copyOf(byTerm.values());
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
