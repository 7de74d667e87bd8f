package org.techmarket.shared.jobs;

import java.time.Instant;

/**
 * Background work done in bulk rather than row by row (deleting what has expired, sealing the next block of the audit
 * log, resubmitting undelivered events): {@link BackgroundJobs#sweep} does it batch after batch, each batch one item
 * of the job in a transaction of its own, and a batch that fails is rolled back, recorded, counted and retried like
 * any other item, under the item id {@value #NEXT_BATCH}.
 */
public interface Sweep {

    /** The one item of a sweep: its next batch. A failure of it holds the sweep back until the next attempt. */
    String NEXT_BATCH = "next-batch";

    /** A stable name, as {@link Job#name()}. */
    String name();

    /** Does the next batch of what is due at {@code asOf}, in the caller's transaction, and tells how much it did. */
    Swept sweepNext(Instant asOf);

    /** What one batch did: how many rows, and whether more may be due. */
    record Swept(int rows, boolean more) {

        /** A batch of at most {@code batchSize} rows: more may be due when it was full. */
        public static Swept of(int rows, int batchSize) {
            return new Swept(rows, rows >= batchSize);
        }

        /** A batch after which nothing more is due in this run. */
        public static Swept last(int rows) {
            return new Swept(rows, false);
        }
    }

    /** Does one batch, as {@link Sweep#sweepNext}. */
    @FunctionalInterface
    interface Batch {
        Swept sweepNext(Instant asOf);
    }

    /** A sweep made of its name and its batch. */
    static Sweep of(String name, Batch batch) {
        return new Sweep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Swept sweepNext(Instant asOf) {
                return batch.sweepNext(asOf);
            }
        };
    }
}
