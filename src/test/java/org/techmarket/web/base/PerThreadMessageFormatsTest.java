package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Messages with arguments formatted by each thread's own copy of a message's format, with the same results. */
class PerThreadMessageFormatsTest {

    private final PerThreadMessageFormats messages = messages();

    @Test
    void aThreadKeepsItsOwnCopyOfAFormatAndAnotherThreadGetsAnother() throws Exception {
        MessageFormat here = messages.resolveCode("error.title", Locale.ENGLISH);
        MessageFormat again = messages.resolveCode("error.title", Locale.ENGLISH);
        MessageFormat[] there = new MessageFormat[1];
        Thread other = new Thread(() -> there[0] = messages.resolveCode("error.title", Locale.ENGLISH));
        other.start();
        other.join();

        assertThat(again).isSameAs(here);
        assertThat(there[0]).isNotSameAs(here).isEqualTo(here);
        assertThat(messages.resolveCode("error.title", Locale.CHINESE)).isNotEqualTo(here);
        assertThat(messages.resolveCode("no.such.message", Locale.ENGLISH)).isNull();
    }

    @Test
    void threadsFormattingAtOnceEachGetTheirOwnArgumentsInTheirLanguage() throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        String status = thread + "-" + i;
                        assertThat(messages.getMessage("error.title", new Object[] {status}, Locale.ENGLISH))
                                .isEqualTo("Error " + status);
                        assertThat(messages.getMessage("error.title", new Object[] {status}, Locale.CHINESE))
                                .isEqualTo("错误 " + status);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCopyWritesEveryKindOfArgumentAsTheJdkDoes() {
        Date when = Date.from(Instant.parse("2026-12-07T08:30:00Z"));
        Object[][] cases = {
            {1_234_567, 2.5, "text"}, {-42L, new BigDecimal("1234.5678"), null}, {when, 'x', 7}, {0, 0, 0},
        };
        for (Locale locale : List.of(Locale.ENGLISH, MarketLocales.CHINESE, Locale.GERMAN)) {
            for (String pattern : List.of(
                    "{0} and {1}, then {2}", "{0,number,#} then {1} and {0}", "{2,choice,0#none|1#one|1<{2} of {1}}")) {
                MessageFormat jdk = new MessageFormat(pattern, locale);
                MessageFormat copy = PerThreadMessageFormats.copy(jdk);
                for (Object[] arguments : cases) {
                    if (pattern.contains("choice") && !(arguments[2] instanceof Number)
                            || pattern.contains("number") && !(arguments[0] instanceof Number)) {
                        continue;
                    }
                    assertThat(copy.format(arguments))
                            .as("%s in %s", pattern, locale)
                            .isEqualTo(jdk.format(arguments));
                    // a second use writes with the formats the first made
                    assertThat(copy.format(arguments)).isEqualTo(jdk.format(arguments));
                }
            }
        }
        assertThat(PerThreadMessageFormats.copy(new MessageFormat("{0}", Locale.ENGLISH))
                        .format(new Object[] {1_234_567}))
                .isEqualTo("1,234,567");
    }

    @Test
    void aCopyReadsBackTheNumbersAndDatesItWrote() throws Exception {
        MessageFormat copy = PerThreadMessageFormats.copy(new MessageFormat("{0} unread since {1}", Locale.ENGLISH));
        Date when = Date.from(Instant.parse("2026-12-07T08:30:00Z"));
        String written = copy.format(new Object[] {1_234, when});

        Object[] read = copy.parse(written);

        assertThat(read[0]).isEqualTo(1_234L);
        assertThat(copy.format(read)).isEqualTo(written);
        assertThatThrownBy(() -> copy.parse("many unread since then")).isInstanceOf(java.text.ParseException.class);
    }

    @Test
    void aMessageWithoutArgumentsIsKeptPerLanguageAndAMissingCodeIsNeverKept() {
        String english = messages.getMessage("layout.logIn", null, Locale.ENGLISH);
        String chinese = messages.getMessage("layout.logIn", null, MarketLocales.CHINESE);
        for (int i = 0; i < 1_000; i++) {
            assertThat(messages.getMessage("no.such.message." + i, null, null, Locale.ENGLISH))
                    .isNull();
        }

        assertThat(messages.getMessage("layout.logIn", null, Locale.ENGLISH)).isEqualTo(english);
        assertThat(messages.getMessage("layout.logIn", null, MarketLocales.CHINESE))
                .isEqualTo(chinese)
                .isNotEqualTo(english);
        assertThat(messages.kept(Locale.ENGLISH)).isEqualTo(1);
        assertThat(messages.kept(MarketLocales.CHINESE)).isEqualTo(1);
        // a language the market does not speak is looked up afresh each time, and nothing is kept for it
        assertThat(messages.getMessage("layout.logIn", null, Locale.GERMAN)).isNotNull();
        assertThat(messages.kept(Locale.GERMAN)).isZero();
    }

    @Test
    void bundlesReloadedOnAScheduleKeepNothing() {
        PerThreadMessageFormats reloading = messages();
        reloading.setCacheSeconds(60);

        assertThat(reloading.getMessage("layout.logIn", null, Locale.ENGLISH))
                .isEqualTo(messages.getMessage("layout.logIn", null, Locale.ENGLISH));
        assertThat(reloading.kept(Locale.ENGLISH)).isZero();
    }

    private static PerThreadMessageFormats messages() {
        PerThreadMessageFormats messages = new PerThreadMessageFormats();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
