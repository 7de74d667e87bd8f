package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

/**
 * A code already in canonical text skips the symbol's pattern ({@link IpcCode#isCanonical}); the shortcut must take
 * exactly the texts the pattern leaves unchanged, checked here against the pattern on generated spellings.
 */
class IpcCanonicalTextTest {

    private static final String PIECES = "ABGHIZgn0123456789 /-";

    @ParameterizedTest
    @ValueSource(strings = {"G", "G06", "G06N", "G06N 3/00", "G06N 3/08", "H01L 21/4763", "A61K 1234/123451"})
    void takesCanonicalText(String text) {
        assertThat(IpcCode.isCanonical(text)).isTrue();
        assertThat(IpcCode.canonicalByPattern(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " G06N",
                "g06n",
                "I06N",
                "G6",
                "G06n",
                "G06N3/08",
                "G06N  3/08",
                "G06N 03/08",
                "G06N 3/080",
                "G06N 3/8",
                "G06N 12345/08",
                "G06N 3/0812345",
                "G06N 3/",
                "G06N /08",
                "G06N 3/08 ",
                "G06N 3-08"
            })
    void leavesEverythingElseToThePattern(String text) {
        assertThat(IpcCode.isCanonical(text)).isFalse();
    }

    @Test
    void agreesWithThePatternOnGeneratedSpellings() {
        Random random = new Random(16);
        List<String> spellings = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            spellings.add(spelling(random));
        }
        int canonical = 0;
        for (String spelling : spellings) {
            String byPattern = byPattern(spelling);
            boolean unchanged = spelling.equals(byPattern);
            assertThat(IpcCode.isCanonical(spelling)).as("'%s'", spelling).isEqualTo(unchanged);
            if (byPattern != null) {
                assertThat(IpcCode.isCanonical(byPattern))
                        .as("'%s' from '%s'", byPattern, spelling)
                        .isTrue();
                assertThat(IpcCode.parse(spelling).text()).isEqualTo(byPattern);
                canonical += unchanged ? 1 : 0;
            }
        }
        // the generator must reach both sides, or the comparison says nothing
        assertThat(canonical).isGreaterThan(1_000);
    }

    /** Mostly code-shaped text: a section, class, subclass and groups, each piece sometimes bent out of shape. */
    private static String spelling(Random random) {
        StringBuilder text = new StringBuilder();
        text.append("ABGHIZg".charAt(random.nextInt(7)));
        int depth = random.nextInt(5);
        if (depth > 0) {
            text.append(digits(random, 2 + (random.nextInt(8) == 0 ? 1 : 0)));
        }
        if (depth > 1) {
            text.append("ABNZn0".charAt(random.nextInt(6)));
        }
        if (depth > 2) {
            text.append(random.nextInt(6) == 0 ? "" : random.nextInt(6) == 0 ? "  " : " ");
            text.append(digits(random, 1 + random.nextInt(5)));
            text.append(random.nextInt(10) == 0 ? "-" : "/");
            text.append(digits(random, 1 + random.nextInt(7)));
        }
        if (random.nextInt(20) == 0) {
            text.insert(random.nextInt(text.length() + 1), PIECES.charAt(random.nextInt(PIECES.length())));
        }
        return text.toString();
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private static String byPattern(String spelling) {
        try {
            return IpcCode.canonicalByPattern(spelling);
        } catch (Rejection refused) {
            return null;
        }
    }
}
