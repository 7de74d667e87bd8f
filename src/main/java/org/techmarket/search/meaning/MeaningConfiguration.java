package org.techmarket.search.meaning;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The query translations (the dictionary loaded in the background once the market accepts traffic, load time and heap
 * logged) and the bounded embedder (its model loaded on first use) for the search index and its queries.
 */
@Configuration(proxyBeanMethods = false)
class MeaningConfiguration {

    @Bean
    Translations translations() {
        return Translations.pending(BilingualDictionary::standard);
    }

    /**
     * The dictionary's load (seconds of CPU) waits until the market accepts traffic, so the start does not share the
     * CPU with it: the ready event comes before the statistics' rebuild and readiness, which health waits for.
     */
    @EventListener
    void loadDictionary(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC
                && event.getSource() instanceof ApplicationContext context) {
            context.getBean(Translations.class).startLoading();
        }
    }

    @Bean(destroyMethod = "close")
    BoundedEmbedder boundedEmbedder(
            @Value("${techmarket.search.embedding.threads:1}") int threads,
            @Value("${techmarket.search.embedding.queue:64}") int queue) {
        return new BoundedEmbedder(new BgeSmallZhEmbedder(), threads, queue);
    }

    @Bean
    MeaningSettings meaningSettings(
            @Value("${techmarket.search.embedding.query-wait:PT0.3S}") Duration queryVectorWait,
            @Value("${techmarket.search.mode:words}") String defaultMode) {
        return new MeaningSettings(
                queryVectorWait,
                SearchMode.parse(defaultMode)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "techmarket.search.mode must be words, vectors or hybrid, not " + defaultMode)));
    }
}
