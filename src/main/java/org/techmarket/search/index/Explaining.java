package org.techmarket.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
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
    private static final int PLAIN_SNIPPET = 240;
    private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

    private final QueryPlan plan;
    private final Analyzers analyzers;
    private final SimpleHTMLEncoder encoder = new SimpleHTMLEncoder();

    Explaining(QueryPlan plan, Analyzers analyzers) {
        this.plan = plan;
        this.analyzers = analyzers;
    }

    String snippet(String title, String text) {
        String source = text == null || text.isBlank() ? title : text;
        if (plan.words() != null) {
            String zh = highlight(source, Fields.TEXT_ZH, analyzers.chinese());
            if (zh != null) {
                return zh;
            }
            String en = highlight(source, Fields.TEXT_EN, analyzers.english());
            if (en != null) {
                return en;
            }
        }
        String plain = source.length() > PLAIN_SNIPPET ? source.substring(0, PLAIN_SNIPPET) + "…" : source;
        return encoder.encodeText(plain);
    }

    List<Reason> why(
            String title, String text, String snippet, List<String> industries, List<String> ipc, String patent) {
        Set<Reason> why = new LinkedHashSet<>();
        matched(title).forEach(words -> why.add(Reason.of(Reason.Kind.TITLE, words)));
        Matcher marked = MARKED.matcher(snippet.replaceAll("</mark>(\\s?)<mark>", "$1"));
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
            Set<String> names = new HashSet<>();
            for (String name : Fields.names(industry)) {
                QueryPlan.tokens(analyzers.chinese(), name).forEach(t -> names.add(t.term()));
                QueryPlan.tokens(analyzers.english(), name).forEach(t -> names.add(t.term()));
            }
            boolean named = plan.chinese().stream().anyMatch(t -> names.contains(t.term()))
                    || plan.english().stream().anyMatch(t -> names.contains(t.term()));
            if (named) {
                why.add(Reason.of(Reason.Kind.INDUSTRY, industry));
            }
        }
        if (patent != null && plan.patents().contains(Fields.patentTerm(patent))) {
            why.add(Reason.of(Reason.Kind.PATENT, patent));
        }
        translatedMatches(text == null ? title : title + "\n" + text).ifPresent(why::add);
        return List.copyOf(why);
    }

    /** The translations all of whose words are in the item's title or text, as one reason. */
    private Optional<Reason> translatedMatches(String item) {
        List<String> translated = QueryPlan.translated(plan.translation());
        if (translated.isEmpty()) {
            return Optional.empty();
        }
        Set<String> chinese = terms(analyzers.chinese(), item);
        Set<String> english = terms(analyzers.english(), item);
        List<String> matched = translated.stream()
                .filter(phrase -> within(terms(analyzers.chinese(), phrase), chinese)
                        || within(terms(analyzers.english(), phrase), english))
                .toList();
        return matched.isEmpty()
                ? Optional.empty()
                : Optional.of(new Reason(
                        Reason.Kind.TRANSLATED, plan.translation().query().strip(), String.join(", ", matched)));
    }

    /** The searcher's words (as written) found in the title, runs of adjacent words together. */
    private List<String> matched(String title) {
        Set<String> found = new LinkedHashSet<>();
        found.addAll(runs(plan.chinese(), terms(analyzers.chinese(), title)));
        found.addAll(runs(plan.english(), terms(analyzers.english(), title)));
        return List.copyOf(found);
    }

    private List<String> runs(List<QueryPlan.Token> query, Set<String> present) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (QueryPlan.Token token : query) {
            if (present.contains(token.term())) {
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

    private static boolean within(Set<String> words, Set<String> item) {
        return !words.isEmpty() && item.containsAll(words);
    }

    private static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new HashSet<>();
        QueryPlan.tokens(analyzer, text).forEach(t -> terms.add(t.term()));
        return terms;
    }

    private String highlight(String source, String field, Analyzer analyzer) {
        Highlighter highlighter = new Highlighter(
                new SimpleHTMLFormatter("<mark>", "</mark>"), encoder, new QueryScorer(plan.words(), field));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT));
        try (TokenStream tokens = analyzer.tokenStream(field, source)) {
            String best = highlighter.getBestFragments(tokens, source, 2, " … ");
            return best == null || best.isEmpty() ? null : best;
        } catch (IOException | InvalidTokenOffsetsException e) {
            return null;
        }
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
