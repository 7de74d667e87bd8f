package org.techmarket.web.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A phrase filled with texts reads exactly as {@link MessageFormat} writes the same message with them. */
class PhraseTest {

    private static final List<String[]> VALUES = List.of(
            new String[] {"battery", "电池"},
            new String[] {"<b>&'\"", "{1}"},
            new String[] {"", ""},
            new String[] {"H01M", null},
            new String[] {"only one"});

    @Test
    void everyReasonOfTheSearchPageInBothLanguagesReadsAsTheMessageFormatWritesIt() throws IOException {
        List<String> patterns = new ArrayList<>();
        for (String bundle : List.of("i18n/search.properties", "i18n/search_zh.properties")) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            messages.stringPropertyNames().stream()
                    .filter(key -> key.startsWith("find.why."))
                    .forEach(key -> patterns.add(messages.getProperty(key)));
        }
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(12);
        patterns.forEach(PhraseTest::readsAsTheFormat);
    }

    @Test
    void quotesRepeatsReorderedAndMissingArgumentsReadAsTheMessageFormatWritesThem() {
        List.of(
                        "It''s {0}",
                        "'{0}' stays as it is, {1} does not",
                        "{1} before {0}",
                        "{0}{0}{0}",
                        "{0} and {2}, which no reason fills",
                        "no argument at all",
                        "{0}")
                .forEach(PhraseTest::readsAsTheFormat);
    }

    private static void readsAsTheFormat(String pattern) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Phrase phrase = Phrase.of(pattern, locale, 2);
            for (String[] values : VALUES) {
                assertThat(phrase.fill(values))
                        .as("%s with %s", pattern, java.util.Arrays.toString(values))
                        .isEqualTo(new MessageFormat(pattern, locale).format(values));
            }
        }
    }
}
