package org.techmarket.search.meaning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Chinese–English word pairs: CC-CEDICT plus the market's technical terms, which come first in both directions. A
 * Chinese headword maps to its English senses; a normalized English sense maps back to the headwords that carry it,
 * ranked so that technical terms, then headwords whose first sense it is, then shorter headwords come first.
 */
public final class BilingualDictionary {

    static final String CEDICT = "/search/meaning/cedict.tsv.gz";
    static final String TECHNICAL_TERMS = "/search/meaning/technical-terms.tsv";
    private static final String SENSES = " / ";

    private final Map<String, List<String>> english = new HashMap<>();
    private final Map<String, List<Candidate>> chinese = new HashMap<>();
    private final Set<String> technical = new HashSet<>();
    private int longestHeadword;
    private int longestSense;

    private record Candidate(String headword, int rank) {}

    private BilingualDictionary() {}

    /** The dictionary from the resources; loaded once per class loader, as it takes a fraction of a second. */
    public static BilingualDictionary standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final BilingualDictionary STANDARD = load();
    }

    static BilingualDictionary load() {
        return load(true);
    }

    /** CC-CEDICT, with or without the market's technical terms (without: to measure what they add). */
    public static BilingualDictionary load(boolean withTechnicalTerms) {
        BilingualDictionary dictionary = new BilingualDictionary();
        if (withTechnicalTerms) {
            dictionary.read(TECHNICAL_TERMS, false, true);
        }
        dictionary.read(CEDICT, true, false);
        dictionary.chinese.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.rank(), b.rank())));
        return dictionary;
    }

    /** A dictionary of the given lines ({@code headword<TAB>sense / sense}), for tests; all are technical terms. */
    static BilingualDictionary of(List<String> lines) {
        BilingualDictionary dictionary = new BilingualDictionary();
        lines.forEach(line -> dictionary.add(line, true));
        dictionary.chinese.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.rank(), b.rank())));
        return dictionary;
    }

    private void read(String resource, boolean gzipped, boolean technical) {
        try (InputStream raw = BilingualDictionary.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    add(line, technical);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String line, boolean isTechnical) {
        int tab = line.indexOf('\t');
        String headword = line.substring(0, tab).strip().intern();
        List<String> senses = List.of(line.substring(tab + 1).split(SENSES));
        if (english.containsKey(headword)) {
            return; // a technical term already says what this headword means here
        }
        english.put(headword, senses);
        if (isTechnical) {
            technical.add(headword);
        }
        longestHeadword = Math.max(longestHeadword, headword.length());
        for (int i = 0; i < senses.size(); i++) {
            String phrase = normalize(senses.get(i));
            if (phrase.isEmpty()) {
                continue;
            }
            int rank = (isTechnical ? 0 : i == 0 ? 1 : 2) * 100 + headword.length();
            chinese.computeIfAbsent(phrase, k -> new ArrayList<>(1)).add(new Candidate(headword, rank));
            longestSense = Math.max(longestSense, phrase.split(" ").length);
        }
    }

    /** The English senses of a Chinese headword, best first. */
    public List<String> english(String headword) {
        return english.getOrDefault(headword, List.of());
    }

    /** Whether the headword is one of the market's technical terms rather than general vocabulary. */
    public boolean isTechnical(String headword) {
        return technical.contains(headword);
    }

    /** Up to {@code max} Chinese headwords whose sense is exactly this English phrase (normalized), best first. */
    public List<String> chinese(String englishPhrase, int max) {
        return chinese.getOrDefault(normalize(englishPhrase), List.of()).stream()
                .limit(max)
                .map(Candidate::headword)
                .toList();
    }

    /** The longest headword that starts at {@code from} in {@code text}. */
    public Optional<String> longestHeadwordAt(String text, int from) {
        for (int end = Math.min(text.length(), from + longestHeadword); end > from; end--) {
            String candidate = text.substring(from, end);
            if (english.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The most words an English sense has: the longest phrase worth looking up. */
    public int longestSense() {
        return longestSense;
    }

    public int headwords() {
        return english.size();
    }

    /**
     * English as the dictionary compares it: lower case, letters and digits only, single spaces, and a plural "s"
     * dropped from words longer than three letters ("fuel cells" = "fuel cell").
     */
    public static String normalize(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{IsLatin}\\p{Nd}]+");
        StringBuilder out = new StringBuilder(text.length());
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
                word = word.substring(0, word.length() - 1);
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
