package org.techmarket.search.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void queriesGoUntranslatedUntilTheDictionaryIsLoadedAndTranslatedAfter() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        Translations translations = Translations.loading(() -> {
            await(release);
            BilingualDictionary dictionary = BilingualDictionary.of(List.of("燃料电池\tfuel cell / fuel cells"));
            loaded.countDown();
            return dictionary;
        });

        assertThat(translations.translate("燃料电池").isEmpty()).isTrue();
        assertThat(translations.translator()).isEmpty();

        release.countDown();
        assertThat(loaded.await(10, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (translations.translator().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(translations.translate("燃料电池").english()).contains("fuel cell");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
