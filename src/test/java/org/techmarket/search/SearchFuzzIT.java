package org.techmarket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.support.Api;
import org.techmarket.support.IntegrationTest;

/**
 * Throws random and hostile strings at every parameter of {@code GET /api/v1/search}: Lucene syntax, unbalanced
 * quotes, wildcards, huge numbers, control characters, Chinese, emoji, very long words. Whatever is sent, the answer is
 * 200 or a 400 problem with a code, never a 5xx. Seeded, so a failure repeats.
 */
class SearchFuzzIT extends IntegrationTest {

    private static final long SEED = 20261205L;
    private static final List<String> PARAMETERS = List.of(
            "q",
            "types",
            "industry",
            "province",
            "kind",
            "mechanism",
            "ipc",
            "priceMin",
            "priceMax",
            "status",
            "sort",
            "limit",
            "cursor",
            "mode");
    private static final List<String> HOSTILE = List.of(
            "title:(foo AND bar)",
            "\"unbalanced",
            "\"\"",
            "battery \"\" cell",
            "\"  \"",
            "\"\"\"",
            "\"fuel cell\"",
            "hybrid",
            "a\"b\"c\"",
            "*",
            "?",
            "~",
            "^",
            "foo~2",
            "fo*o?",
            "a^100",
            "[a TO z]",
            "{*}",
            "\\",
            "\\\\",
            "(((",
            ")))",
            "-",
            "+",
            "&&",
            "||",
            "!",
            "/regex/",
            "AND",
            "OR NOT",
            "99999999999999999999999999",
            "-1",
            "1e308",
            "NaN",
            "0x10",
            "１２３",
            "\t",
            "\u0007",
            "\u0000",
            "\u202e",
            "燃料电池",
            "量子密钥分发",
            "🔋⚡",
            "😀".repeat(200),
            "x".repeat(999),
            "x".repeat(1001),
            "H01M",
            "H01M 10/0562",
            "h01m10/0562",
            "Z99Z",
            "H01M 99999/9999999",
            ",,,",
            "asset,,listing",
            " ",
            "",
            "NEW_ENERGY_STORAGE",
            "440000",
            "relevance",
            "PRICE",
            "0",
            "100",
            "101",
            "bm90LWEtY3Vyc29y",
            "UkVMRVZBTkNFCjEKYQ",
            "UFJJQ0UKeHgKYQ",
            "%",
            "%%",
            "%zz",
            "<script>alert(1)</script>",
            "' or 1=1--",
            "a".repeat(40) + " " + "b ".repeat(300));

    @Test
    void noParameterValueGivesAServerError() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 300; round++) {
            StringBuilder query = new StringBuilder();
            int parameters = 1 + random.nextInt(3);
            for (int i = 0; i < parameters; i++) {
                String name = PARAMETERS.get(random.nextInt(PARAMETERS.size()));
                String value =
                        random.nextInt(4) == 0 ? randomText(random) : HOSTILE.get(random.nextInt(HOSTILE.size()));
                query.append(i == 0 ? "" : "&").append(name).append('=').append(encode(value));
            }
            Api.Response response = api.get("/api/v1/search?" + query, null);
            boolean fine = response.status() == 200
                    || (response.status() == 400
                            && response.contentType().startsWith("application/problem+json")
                            && response.code() != null);
            if (!fine) {
                failures.add(query + " -> " + response.status() + " " + response.text());
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Queries made of words, quotes and blanks: each answers 200 when its phrases are closed and hold words, and
     * otherwise 400 {@code QUERY_SYNTAX}, whatever the filters beside it.
     */
    @Test
    void aQueryOfWordsAndQuotesIsAnsweredOrRefusedAsBrokenSyntax() {
        Random random = new Random(SEED + 1);
        List<String> pieces = List.of("\"", "\"", " ", "  ", "fuel", "cell", "燃料电池", "H01M", "*", "\\", "~2");
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 150; round++) {
            StringBuilder q = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                q.append(pieces.get(random.nextInt(pieces.size())));
            }
            String filters = random.nextBoolean() ? "" : "&types=asset&sort=newest&limit=5";
            Api.Response response = api.get("/api/v1/search?q=" + encode(q.toString()) + filters, null);
            int expected = wellFormed(q.toString().strip()) ? 200 : 400;
            boolean fine = response.status() == expected && (expected == 200 || "QUERY_SYNTAX".equals(response.code()));
            if (!fine) {
                failures.add(q + " -> " + response.status() + " " + response.text());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The reference: phrases are what lies between the 1st and 2nd quote, the 3rd and 4th, and so on. */
    private static boolean wellFormed(String q) {
        int quotes = 0;
        StringBuilder phrase = null;
        for (char ch : q.toCharArray()) {
            if (ch == '"') {
                quotes++;
                if (phrase != null && phrase.toString().isBlank()) {
                    return false;
                }
                phrase = phrase == null ? new StringBuilder() : null;
            } else if (phrase != null) {
                phrase.append(ch);
            }
        }
        return quotes % 2 == 0;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            text.appendCodePoint(
                    switch (kind) {
                        case 0 -> 0x20 + random.nextInt(0x5f); // ASCII, syntax included
                        case 1 -> 0x4e00 + random.nextInt(0x5000); // CJK
                        case 2 -> 0x1f300 + random.nextInt(0x300); // emoji
                        case 3 -> random.nextInt(0x20); // control characters
                        default -> 0xa0 + random.nextInt(0x2000); // Latin, punctuation, bidi marks
                    });
        }
        return text.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
