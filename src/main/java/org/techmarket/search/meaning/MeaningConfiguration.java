package org.techmarket.search.meaning;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query translator (its dictionary loaded at start, load time and heap logged) and the bounded embedder (its model
 * loaded on first use) for the search index and its queries.
 */
@Configuration(proxyBeanMethods = false)
class MeaningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MeaningConfiguration.class);

    @Bean
    QueryTranslator queryTranslator() {
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        BilingualDictionary dictionary = BilingualDictionary.standard();
        log.info(
                "Bilingual dictionary: {} headwords in {} ms (heap grew by about {} MB)",
                dictionary.headwords(),
                (System.nanoTime() - start) / 1_000_000,
                Math.max(0, runtime.totalMemory() - runtime.freeMemory() - heapBefore) / 1_000_000);
        return new QueryTranslator(dictionary);
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
