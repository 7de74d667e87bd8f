package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
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
