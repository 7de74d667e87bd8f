package org.techmarket.search.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPC codes as the index holds them: every level of a symbol, written without blanks, so that a search for any level
 * finds what lies below it. {@code H01M 10/0562} is indexed as {@code H}, {@code H01}, {@code H01M}, {@code H01M10},
 * {@code H01M10/0}, {@code H01M10/05}, {@code H01M10/056} and {@code H01M10/0562}: {@code H01M}, {@code H01M10},
 * {@code H01M 10/00} and {@code H01M 10/05} all find it (subgroup digits by prefix, since IPC writes deeper subgroups by
 * appending digits).
 */
public final class IpcTerms {

    /** A symbol at any level, as a searcher may write it once blanks are taken out and letters raised. */
    private static final Pattern SHAPE = Pattern.compile("[A-H](\\d{2}([A-Z](\\d{1,4}(/\\d{1,6})?)?)?)?");

    /** Symbols inside free text: a subclass at least, optionally with its group. */
    private static final Pattern IN_TEXT =
            Pattern.compile("(?<![A-Z0-9])([A-H]\\d{2}[A-Z])(?:\\s*(\\d{1,4})(?:\\s*/\\s*(\\d{1,6}))?)?(?![A-Z0-9])");

    private IpcTerms() {}

    /** Every level of an indexed symbol, as indexed. */
    public static Set<String> levels(String symbol) {
        Set<String> terms = new LinkedHashSet<>();
        Optional<String> compact = normalize(symbol);
        if (compact.isEmpty()) {
            return terms;
        }
        String s = compact.get();
        int slash = s.indexOf('/');
        String group = slash < 0 ? s : s.substring(0, slash);
        for (int end : new int[] {1, 3, 4}) {
            if (end <= group.length()) {
                terms.add(group.substring(0, end));
            }
        }
        terms.add(group);
        if (slash >= 0) {
            String digits = s.substring(slash + 1);
            for (int end = 1; end <= digits.length(); end++) {
                terms.add(group + "/" + digits.substring(0, end));
            }
        }
        return terms;
    }

    /**
     * The term that finds a symbol and what lies below it ({@code H01M 10/00} is the main group {@code H01M10}); empty
     * when the text is no IPC symbol.
     */
    public static Optional<String> normalize(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        String s = symbol.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(s.endsWith("/00") ? s.substring(0, s.length() - 3) : s);
    }

    /** The IPC symbols written in free text (a subclass or deeper), as search terms. */
    public static List<Found> inText(String text) {
        Matcher m = IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        List<Found> found = new java.util.ArrayList<>();
        while (m.find()) {
            String symbol =
                    m.group(1) + (m.group(2) == null ? "" : m.group(2)) + (m.group(3) == null ? "" : "/" + m.group(3));
            normalize(symbol).ifPresent(term -> found.add(new Found(term, text.substring(m.start(), m.end()))));
        }
        return found;
    }

    /** A symbol found in text: its search term and how it was written. */
    public record Found(String term, String written) {}
}
