package org.techmarket.search.meaning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates a search query into the other language with the bilingual dictionary, so that a Chinese query finds
 * English patents and an English query Chinese assets. Chinese runs are segmented by dictionary longest match; English
 * runs are matched phrase by phrase, longest first. Words that carry no technical meaning ("一种", "method") are left
 * untranslated. The caller searches the translations with less weight than the query's own words.
 */
public final class QueryTranslator {

    /** How a translated term weighs against a word of the query itself. */
    public static final float TRANSLATION_WEIGHT = 0.5f;

    private static final int SENSES_PER_WORD = 2;
    private static final int HEADWORDS_PER_PHRASE = 2;
    private static final Set<String> CHINESE_FILLER = Set.of(
            "一种", "一个", "基于", "用于", "及其", "以及", "和", "与", "的", "及", "或", "在", "中", "方法", "装置", "系统", "制备", "设备", "使用",
            "采用", "面向", "用", "小型化", "其");
    private static final Set<String> ENGLISH_FILLER = Set.of(
            "a",
            "an",
            "the",
            "of",
            "for",
            "and",
            "or",
            "in",
            "on",
            "to",
            "with",
            "by",
            "from",
            "method",
            "system",
            "apparatu",
            "apparatus",
            "device",
            "using",
            "use",
            "based",
            "same",
            "thereof",
            "having",
            "process");

    private final BilingualDictionary dictionary;

    public QueryTranslator(BilingualDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The query's words in the other language: English phrases for its Chinese, Chinese words for its English. */
    public Translation translate(String query) {
        Set<String> english = new LinkedHashSet<>();
        Set<String> chinese = new LinkedHashSet<>();
        for (Run run : runs(query)) {
            if (run.chinese()) {
                translateChinese(run.text(), english);
            } else {
                translateEnglish(run.text(), chinese);
            }
        }
        return new Translation(query, List.copyOf(english), List.copyOf(chinese));
    }

    private void translateChinese(String text, Set<String> english) {
        int at = 0;
        while (at < text.length()) {
            String word = dictionary.longestHeadwordAt(text, at).orElse(text.substring(at, at + 1));
            at += word.length();
            boolean meaningful = word.length() > 1 || dictionary.isTechnical(word);
            if (meaningful && !CHINESE_FILLER.contains(word)) {
                dictionary.english(word).stream()
                        .limit(dictionary.isTechnical(word) ? Integer.MAX_VALUE : SENSES_PER_WORD)
                        .forEach(english::add);
            }
        }
    }

    private void translateEnglish(String text, Set<String> chinese) {
        String[] words = BilingualDictionary.normalize(text).split(" ");
        int at = 0;
        while (at < words.length) {
            int taken = 1;
            for (int length = Math.min(dictionary.longestSense(), words.length - at); length > 0; length--) {
                String phrase = String.join(" ", List.of(words).subList(at, at + length));
                if (length == 1 && (ENGLISH_FILLER.contains(phrase) || phrase.length() < 2)) {
                    break;
                }
                List<String> headwords = dictionary.chinese(phrase, HEADWORDS_PER_PHRASE);
                if (!headwords.isEmpty()) {
                    chinese.addAll(headwords);
                    taken = length;
                    break;
                }
            }
            at += taken;
        }
    }

    private record Run(String text, boolean chinese) {}

    private static List<Run> runs(String query) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentChinese = false;
        for (int i = 0; i < query.length(); ) {
            int codePoint = query.codePointAt(i);
            boolean han = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
            if (!current.isEmpty() && han != currentChinese) {
                runs.add(new Run(current.toString(), currentChinese));
                current.setLength(0);
            }
            currentChinese = han;
            current.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), currentChinese));
        }
        return runs.stream().filter(r -> !r.text().isBlank()).toList();
    }

    /**
     * A query and its translations.
     *
     * @param english English phrases translating the query's Chinese words
     * @param chinese Chinese words translating the query's English phrases
     */
    public record Translation(String query, List<String> english, List<String> chinese) {

        public boolean isEmpty() {
            return english.isEmpty() && chinese.isEmpty();
        }

        /** The translations as one line, for explaining a match ("燃料电池 → fuel cell"). */
        public String describe() {
            List<String> all = new ArrayList<>(english);
            all.addAll(chinese);
            return query.strip().toLowerCase(Locale.ROOT) + " → " + String.join(", ", all);
        }
    }
}
