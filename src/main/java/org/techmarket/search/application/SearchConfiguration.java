package org.techmarket.search.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.techmarket.search.index.Analyzers;
import org.techmarket.search.index.Fields;
import org.techmarket.search.index.SearchIndex;
import org.techmarket.search.meaning.BoundedEmbedder;
import org.techmarket.search.meaning.HybridSearcher;
import org.techmarket.search.meaning.MeaningSettings;
import org.techmarket.search.meaning.Translations;

/**
 * The node's index lives in {@code techmarket.search.dir} (default {@code <data-dir>/search}); each node has its own.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(
            @Value("${techmarket.search.dir:}") String dir, @Value("${techmarket.data-dir:./data}") String dataDir) {
        return SearchIndex.open(directory(dir, dataDir));
    }

    @Bean
    Analyzers searchAnalyzers() {
        return Analyzers.create();
    }

    /** Ranks by meaning over this index's English and Chinese texts and its vector field. */
    @Bean
    HybridSearcher hybridSearcher(
            Analyzers analyzers, Translations translations, BoundedEmbedder embedder, MeaningSettings settings) {
        return new HybridSearcher(
                new HybridSearcher.Fields(Fields.TEXT_EN, Fields.TEXT_ZH, Fields.VECTOR),
                analyzers.english(),
                analyzers.chinese(),
                translations::translate,
                embedder,
                settings.queryVectorWait(),
                HybridSearcher.MEANING_WEIGHT);
    }

    @Bean
    NodeName searchNodeName(
            @Value("${techmarket.search.dir:}") String dir, @Value("${techmarket.data-dir:./data}") String dataDir) {
        Path file = directory(dir, dataDir).resolve("node-name");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, UUID.randomUUID().toString().substring(0, 8));
            }
            return new NodeName(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory(String dir, String dataDir) {
        return dir == null || dir.isBlank() ? Path.of(dataDir, "search") : Path.of(dir);
    }
}
