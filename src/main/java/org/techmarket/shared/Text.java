package org.techmarket.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The market's rules for text that people send. Any text may hold line breaks and tabs, but never NUL, other
 * control characters or the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a text read
 * differently from what it is. A name or title is one line, has something visible in it (not only zero-width or
 * other invisible characters), and is stored in Unicode NFC so that equal-looking names are equal.
 */
public final class Text {

    private Text() {}

    /** Why {@code text} is refused anywhere (a NUL, a control character other than tab and line breaks, a bidi control). */
    public static Optional<String> textProblem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("must not contain NUL characters");
            }
            if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control characters");
            }
            if (isBidiControl(c)) {
                return Optional.of("must not contain bidirectional override or isolate characters");
            }
        }
        return Optional.empty();
    }

    /** Why {@code name} is refused as a one-line name or title; a blank or missing name is the caller's to judge. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<String> problem = textProblem(name);
        if (problem.isPresent()) {
            return problem;
        }
        if (name.chars().anyMatch(Text::isControl)) {
            return Optional.of("must be one line without tabs or control characters");
        }
        if (name.codePoints().allMatch(Text::isInvisible)) {
            return Optional.of("must have a visible character, not only zero-width or blank ones");
        }
        return Optional.empty();
    }

    /** The name as the market stores it: NFC, without surrounding blanks. */
    public static String name(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    }

    /**
     * The key under which two names count as the same: NFC after compatibility folding (full-width letters become
     * ASCII), case-folded, invisible characters dropped and runs of blanks made one space.
     */
    public static String sameNameKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        boolean blank = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                blank = true;
            } else if (!isInvisible(cp)) {
                if (blank && !key.isEmpty()) {
                    key.append(' ');
                }
                blank = false;
                key.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(key.toString(), Normalizer.Form.NFC);
    }

    private static boolean isControl(int c) {
        return Character.getType(c) == Character.CONTROL;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Blank, zero-width and other format characters (U+200B, U+200D, U+2060, U+FEFF, soft hyphen, …). */
    private static boolean isInvisible(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0
                || cp == 0x034F
                || (cp >= 0xFE00 && cp <= 0xFE0F);
    }
}
