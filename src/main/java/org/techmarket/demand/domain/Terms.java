package org.techmarket.demand.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words two texts share, as matching reports them: English words of three or more letters less common ones, and
 * every two adjacent Chinese characters (a bigram, the usual unit of Chinese matching without a dictionary).
 */
public final class Terms {

    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\d]{3,}|\\p{IsHan}+");
    private static final Set<String> COMMON = Set.of(
            "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "has", "have", "into", "our",
            "its", "their", "which", "using", "used", "use", "such", "method", "system", "device", "based", "more",
            "less", "than", "can", "not", "one", "two", "new", "per", "within", "over", "under", "between");

    private Terms() {}

    /** The terms of a text in the order they first appear. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher matcher = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String token = matcher.group();
            if (Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN) {
                for (int i = 0; i + 2 <= token.length(); i++) {
                    terms.add(token.substring(i, i + 2));
                }
            } else if (!COMMON.contains(token)) {
                terms.add(token);
            }
        }
        return terms;
    }

    /** The terms of {@code first} that {@code second} also has, in {@code first}'s order. */
    public static Set<String> shared(String first, String second) {
        Set<String> shared = of(first);
        shared.retainAll(of(second));
        return shared;
    }
}
