package org.techmarket.search.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;

/**
 * The best fragments of a text with its matched words marked, given where those words stand (their offsets, as the index
 * stored them): the text is cut into fragments of about {@code size} characters (never inside a matched word or a Latin
 * word), each fragment weighs the sum of the weights of the distinct words it holds, and the heaviest (the earlier on a
 * tie) are shown, heaviest first, escaped as HTML with the words in {@code <mark>}. It chooses and marks as Lucene's
 * {@code Highlighter} does with a {@code QueryTermScorer} and a {@code SimpleFragmenter}, without analysing the text.
 */
final class MarkedFragments {

    /** A matched word: where it stands in the text, the indexed word and its weight in the query. */
    record Span(int start, int end, String term, float weight) {}

    private record Fragment(int number, int start, int end, float score) {}

    private static final String SEPARATOR = " … ";

    private MarkedFragments() {}

    /** The best {@code max} fragments, or null when no fragment holds a matched word. */
    static String best(String text, List<Span> spans, int size, int max, SimpleHTMLEncoder encoder) {
        List<Span> marked = disjoint(text, spans);
        if (marked.isEmpty()) {
            return null;
        }
        List<Fragment> fragments = fragments(text, marked, size);
        List<Fragment> best = fragments.stream()
                .filter(f -> f.score() > 0)
                .sorted(Comparator.comparingDouble(Fragment::score).reversed().thenComparingInt(Fragment::number))
                .limit(max)
                .toList();
        if (best.isEmpty()) {
            return null;
        }
        List<String> shown = new ArrayList<>();
        for (Fragment f : best) {
            shown.add(render(text, marked, f, encoder));
        }
        return String.join(SEPARATOR, shown);
    }

    /** The spans within the text in order, the first of two that overlap kept. */
    private static List<Span> disjoint(String text, List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        List<Span> kept = new ArrayList<>();
        int end = 0;
        for (Span s : sorted) {
            if (s.start() >= end && s.end() <= text.length() && s.end() > s.start()) {
                kept.add(s);
                end = s.end();
            }
        }
        return kept;
    }

    private static List<Fragment> fragments(String text, List<Span> spans, int size) {
        List<Fragment> fragments = new ArrayList<>();
        int start = 0;
        int next = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + size);
            end = outsideWords(text, end);
            while (next < spans.size() && spans.get(next).end() <= end) {
                next++;
            }
            if (next < spans.size() && spans.get(next).start() < end) {
                end = spans.get(next).end();
            }
            fragments.add(new Fragment(fragments.size(), start, end, score(spans, start, end)));
            start = end;
        }
        return fragments;
    }

    /** The first position at or after {@code at} that does not split a Latin word or number. */
    private static int outsideWords(String text, int at) {
        int end = at;
        while (end > 0 && end < text.length() && latin(text.charAt(end - 1)) && latin(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean latin(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }

    private static float score(List<Span> spans, int start, int end) {
        Set<String> seen = new HashSet<>();
        float score = 0;
        for (Span s : spans) {
            if (s.start() >= start && s.end() <= end && seen.add(s.term())) {
                score += s.weight();
            }
        }
        return score;
    }

    private static String render(String text, List<Span> spans, Fragment f, SimpleHTMLEncoder encoder) {
        StringBuilder html = new StringBuilder();
        int at = f.start();
        for (Span s : spans) {
            if (s.start() < f.start() || s.end() > f.end()) {
                continue;
            }
            html.append(encoder.encodeText(text.substring(at, s.start())))
                    .append("<mark>")
                    .append(encoder.encodeText(text.substring(s.start(), s.end())))
                    .append("</mark>");
            at = s.end();
        }
        return html.append(encoder.encodeText(text.substring(at, f.end()))).toString();
    }
}
