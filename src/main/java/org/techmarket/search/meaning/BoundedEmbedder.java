package org.techmarket.search.meaning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Embedding off the request threads: a fixed number of embedding threads and a bounded queue. A query waits for its
 * vector at most a given time and otherwise goes on without one (words still answer); the indexer hands over whole
 * batches, and a full queue refuses work at once rather than piling it up.
 */
public final class BoundedEmbedder implements AutoCloseable {

    private final TextEmbedder embedder;
    private final ThreadPoolExecutor executor;

    public BoundedEmbedder(TextEmbedder embedder, int threads, int queueCapacity) {
        this.embedder = embedder;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity),
                task -> {
                    Thread thread = new Thread(task, "embedding-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** The query's vector, or empty when the embedding threads are too busy to give it within {@code wait}. */
    public Optional<float[]> queryVector(String query, Duration wait) {
        CompletableFuture<float[]> vector;
        try {
            vector = CompletableFuture.supplyAsync(() -> embedder.embedQuery(query), executor);
        } catch (RejectedExecutionException busy) {
            return Optional.empty();
        }
        try {
            return Optional.of(vector.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException late) {
            vector.cancel(false);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("embedding failed", failed.getCause());
        }
    }

    /**
     * The vectors of a batch of documents, computed on an embedding thread. Fails at once with a {@link
     * RejectedExecutionException} when the queue is full, so the caller can index words now and vectors later.
     */
    public CompletableFuture<List<float[]>> documentVectors(List<String> texts) {
        return CompletableFuture.supplyAsync(() -> embedder.embedAll(texts), executor);
    }

    public int dimension() {
        return embedder.dimension();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
