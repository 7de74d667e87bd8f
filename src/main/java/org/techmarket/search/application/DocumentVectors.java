package org.techmarket.search.application;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.document.KnnFloatVectorField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.index.Fields;
import org.techmarket.search.meaning.BoundedEmbedder;
import org.techmarket.search.meaning.HybridSearcher;

/**
 * The vector fields of a batch of documents about to be indexed. The batch waits for its vectors at most {@code
 * techmarket.search.embedding.index-wait}; when the embedder is busy or late, the batch is indexed by its words alone
 * and those documents get their vectors when they next change or the index is rebuilt. Off unless {@code
 * techmarket.search.vectors.enabled} is true: words measure best (ADR 0044), and embedding costs a core.
 */
@Component
class DocumentVectors {

    private static final Logger log = LoggerFactory.getLogger(DocumentVectors.class);

    private final BoundedEmbedder embedder;
    private final HybridSearcher searcher;
    private final boolean enabled;
    private final Duration wait;

    DocumentVectors(
            BoundedEmbedder embedder,
            HybridSearcher searcher,
            @Value("${techmarket.search.vectors.enabled:false}") boolean enabled,
            @Value("${techmarket.search.embedding.index-wait:PT1S}") Duration wait) {
        this.embedder = embedder;
        this.searcher = searcher;
        this.enabled = enabled;
        this.wait = wait;
    }

    boolean enabled() {
        return enabled;
    }

    /** The vector field of each document (by key) whose vector came within the wait; none for the others. */
    Map<String, KnnFloatVectorField> of(List<SearchDocument> documents) {
        if (!enabled || documents.isEmpty()) {
            return Map.of();
        }
        List<String> texts = documents.stream()
                .map(d -> d.text() == null ? d.title() : d.title() + "\n" + d.text())
                .toList();
        CompletableFuture<List<float[]>> vectors;
        try {
            vectors = embedder.documentVectors(texts);
        } catch (RejectedExecutionException busy) {
            log.debug("Embedder busy: {} documents indexed without vectors", documents.size());
            return Map.of();
        }
        try {
            List<float[]> computed = vectors.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, KnnFloatVectorField> fields = new HashMap<>();
            for (int i = 0; i < documents.size(); i++) {
                SearchDocument d = documents.get(i);
                fields.put(Fields.key(d.type(), d.id()), searcher.vectorField(computed.get(i)));
            }
            return fields;
        } catch (TimeoutException late) {
            vectors.cancel(false);
            log.debug("Vectors late: {} documents indexed without vectors", documents.size());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException failed) {
            log.warn("Embedding failed: {} documents indexed without vectors", documents.size(), failed.getCause());
            return Map.of();
        }
    }
}
