package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.demand.domain.Terms;

/**
 * The finder matching uses finds what listing both texts' terms finds ({@link Terms#of}), checked against that naive
 * reference on generated bilingual texts, capitals, digits, supplementary characters and punctuation included.
 */
class TermsFinderTest {

    private static final String[] PIECES = {
        "Solid",
        "state",
        "electrolyte",
        "LITHIUM",
        "ion",
        "abc",
        "ab",
        "x1",
        "2024",
        "a1b2",
        "résumé",
        "İstanbul",
        "固态",
        "电解质",
        "锂离子电池",
        "量子",
        "密钥",
        "分发",
        "储能",
        "𠀀𠀁",
        "中𠀂文",
        "〇",
        "the",
        "method",
        "-",
        ",",
        " ",
        "  ",
        "。",
        "／",
        "ＡＢＣ",
        "ß",
        "H01M",
        "10/0562"
    };

    @Test
    void findsWhatTheTermsOfBothTextsShare() {
        Random random = new Random(20261205L);
        for (int round = 0; round < 3_000; round++) {
            String wanted = text(random);
            String offered = text(random);
            Set<String> terms = Terms.of(wanted);
            int limit = 1 + random.nextInt(10);
            Set<String> theirs = Terms.of(offered);
            List<String> expected =
                    terms.stream().filter(theirs::contains).limit(limit).toList();
            assertThat(Terms.finder(terms).foundIn(offered, limit))
                    .as("%s | %s", wanted, offered)
                    .isEqualTo(expected);
        }
    }

    @Test
    void findsWordsAndBigramsInTheFindersOrder() {
        Terms.Finder finder = Terms.finder(Terms.of("Sulfide electrolyte 固态电解质 for lithium"));
        assertThat(finder.foundIn("LITHIUM anodes with a sulfide 电解质 coating", 8))
                .containsExactly("sulfide", "电解", "解质", "lithium");
        assertThat(finder.foundIn("lithium", 0)).isEmpty();
        assertThat(finder.foundIn(null, 8)).isEmpty();
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(25); i >= 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextBoolean()) {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
