package org.techmarket.demand.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Finds the given terms in texts, as {@link #of} would list them, without listing a text's every term. */
    public static Finder finder(Set<String> terms) {
        return new Finder(List.copyOf(terms));
    }

    /**
     * Looks for a fixed list of terms in other texts: one pass over a text, a word looked up by its string and a
     * Chinese bigram by its two characters, so that matching a need against a thousand candidates builds no term set
     * per candidate. {@link #foundIn} gives what {@code terms.stream().filter(of(text)::contains)} gives.
     */
    public static final class Finder {
        private final List<String> terms;
        private final Map<String, Integer> words = new HashMap<>();
        private final Set<Integer> wordLengths = new HashSet<>();
        private final int[] bigramKeys;
        private final int[] bigramIndexes;

        private Finder(List<String> terms) {
            this.terms = terms;
            Map<Integer, Integer> bigrams = new HashMap<>();
            for (int i = 0; i < terms.size(); i++) {
                String term = terms.get(i);
                if (isWordCharacter(term.codePointAt(0))) {
                    words.put(term, i);
                    wordLengths.add(term.length());
                } else if (term.length() == 2) {
                    bigrams.put(bigram(term, 0), i);
                }
            }
            bigramKeys = bigrams.keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            bigramIndexes = Arrays.stream(bigramKeys).map(bigrams::get).toArray();
        }

        /** The terms {@code text} has too, in the finder's order, at most {@code limit}. */
        public List<String> foundIn(String text, int limit) {
            boolean[] found = new boolean[terms.size()];
            String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
            int at = 0;
            while (at < lower.length()) {
                int cp = lower.codePointAt(at);
                int end = at;
                if (isWordCharacter(cp)) {
                    int length = 0;
                    while (end < lower.length() && isWordCharacter(lower.codePointAt(end))) {
                        end += Character.charCount(lower.codePointAt(end));
                        length++;
                    }
                    // only a word as long as one of the finder's is cut out of the text and looked up
                    Integer index =
                            length >= 3 && wordLengths.contains(end - at) ? words.get(lower.substring(at, end)) : null;
                    if (index != null) {
                        found[index] = true;
                    }
                } else if (isHan(cp)) {
                    while (end < lower.length() && isHan(lower.codePointAt(end))) {
                        end += Character.charCount(lower.codePointAt(end));
                    }
                    for (int i = at; i + 2 <= end; i++) {
                        int slot = Arrays.binarySearch(bigramKeys, bigram(lower, i));
                        if (slot >= 0) {
                            found[bigramIndexes[slot]] = true;
                        }
                    }
                } else {
                    end += Character.charCount(cp);
                }
                at = end;
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < found.length && result.size() < limit; i++) {
                if (found[i]) {
                    result.add(terms.get(i));
                }
            }
            return result;
        }

        private static int bigram(String text, int at) {
            return text.charAt(at) << 16 | text.charAt(at + 1);
        }

        private static boolean isWordCharacter(int cp) {
            return cp < BMP.length ? BMP[cp] == WORD_CHARACTER : script(cp) == WORD_CHARACTER;
        }

        private static boolean isHan(int cp) {
            return cp < BMP.length ? BMP[cp] == HAN : script(cp) == HAN;
        }
    }

    private static final byte OTHER = 0;
    private static final byte WORD_CHARACTER = 1;
    private static final byte HAN = 2;

    /** Each basic-plane character's kind, looked up once: a script's lookup is a binary search over the scripts. */
    private static final byte[] BMP = new byte[Character.MIN_SUPPLEMENTARY_CODE_POINT];

    static {
        for (int cp = 0; cp < BMP.length; cp++) {
            BMP[cp] = script(cp);
        }
    }

    private static byte script(int cp) {
        if (cp >= '0' && cp <= '9') {
            return WORD_CHARACTER;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN
                ? WORD_CHARACTER
                : script == Character.UnicodeScript.HAN ? HAN : OTHER;
    }

    /** The terms of {@code first} that {@code second} also has, in {@code first}'s order. */
    public static Set<String> shared(String first, String second) {
        Set<String> shared = of(first);
        shared.retainAll(of(second));
        return shared;
    }
}
