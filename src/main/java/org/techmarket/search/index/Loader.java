package org.techmarket.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.techmarket.search.SearchDocument;

/**
 * Adds many new documents to one generation's writer at once: their analysis (the most of indexing's time) runs on
 * several threads, each batch on one of them, and the writer buffers {@value #BULK_RAM_BUFFER_MB} MB before it writes
 * a segment, instead of {@value #RAM_BUFFER_MB}. A document is added, not updated: a generation being filled holds no
 * earlier version of it, so looking one up to delete it would be wasted. The batches wait in a short queue; when it is
 * full, the thread that hands one over analyses it itself, so a fast reader (the database, a generator) never piles up
 * more than a few batches in memory. {@link #close} waits for every batch and throws the first failure.
 */
public final class Loader implements AutoCloseable {

    /** The writer's buffer while it follows the feed, a few documents at a time. */
    static final double RAM_BUFFER_MB = 64;

    /** The writer's buffer while it loads in bulk: fewer, larger segments and fewer merges. */
    static final double BULK_RAM_BUFFER_MB = 256;

    private final IndexWriter writer;
    private final ThreadPoolExecutor workers;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Loader(IndexWriter writer, int threads) {
        this.writer = writer;
        int n = Math.max(1, threads);
        this.workers = new ThreadPoolExecutor(
                n,
                n,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(n),
                runnable -> {
                    Thread thread = new Thread(runnable, "search-loader");
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        writer.getConfig().setRAMBufferSizeMB(BULK_RAM_BUFFER_MB);
    }

    /** The Lucene document of {@code d}, with its vector field when {@code vectors} holds one for its key. */
    static Document document(SearchDocument d, Map<String, ? extends IndexableField> vectors) {
        Document doc = Fields.toLucene(d);
        IndexableField vector = vectors.get(Fields.key(d.type(), d.id()));
        if (vector != null) {
            doc.add(vector);
        }
        return doc;
    }

    /** Adds {@code documents} (new to the generation), with the vector fields of those that have one (by key). */
    public void add(Collection<SearchDocument> documents, Map<String, ? extends IndexableField> vectors) {
        rethrow();
        workers.execute(() -> {
            try {
                for (SearchDocument d : documents) {
                    writer.addDocument(document(d, vectors));
                }
            } catch (IOException e) {
                failure.compareAndSet(null, new UncheckedIOException(e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits until every batch handed over is added; throws the first failure. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            while (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
                // a million documents take minutes: keep waiting
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the index", e);
        } finally {
            writer.getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
        }
        rethrow();
    }

    private void rethrow() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }
}
