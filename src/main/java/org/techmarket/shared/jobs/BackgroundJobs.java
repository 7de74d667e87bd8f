package org.techmarket.shared.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * Runs a {@link Job}: takes its due items in batches and handles each in a transaction of its own, so that several
 * nodes running the same job each take different items (the job claims an item's row with {@code SKIP LOCKED}) and
 * an item that fails holds up nothing else. A failure rolls the item back, is logged and recorded in a transaction
 * of its own, and the item is passed over until its next attempt ({@link RetryPolicy}); once its attempts are used
 * up it waits for an operator ({@link #stuck()}, {@link #release}). A success forgets the item's failures in the
 * item's own transaction. Handled and failed items are counted per job ({@code techmarket.jobs.items}). Work done in
 * bulk runs as a {@link Sweep}, whose every batch is one such item.
 */
@Component
public class BackgroundJobs {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JobFailures failures;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final RetryPolicy retry;
    private final int batchSize;
    private final int maxPerRun;
    private final List<StuckElsewhere> elsewhere;

    BackgroundJobs(
            JobFailures failures,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            List<StuckElsewhere> elsewhere,
            @Value("${techmarket.jobs.max-attempts:8}") int maxAttempts,
            @Value("${techmarket.jobs.first-retry-after:PT10S}") Duration firstRetryAfter,
            @Value("${techmarket.jobs.max-retry-after:PT30M}") Duration maxRetryAfter,
            @Value("${techmarket.jobs.batch-size:100}") int batchSize,
            @Value("${techmarket.jobs.max-items-per-run:1000}") int maxPerRun) {
        if (batchSize < 1 || maxPerRun < 1) {
            throw new IllegalArgumentException("techmarket.jobs.batch-size and max-items-per-run must be positive");
        }
        this.failures = failures;
        this.elsewhere = List.copyOf(elsewhere);
        this.transactions = new TransactionTemplate(transactionManager);
        // Each item in a transaction of its own even if a caller runs a job inside one.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        this.retry = new RetryPolicy(maxAttempts, firstRetryAfter, maxRetryAfter);
        this.batchSize = batchSize;
        this.maxPerRun = maxPerRun;
    }

    /**
     * Handles what is due at {@code asOf}, each item in its own transaction, up to the limit per run; items waiting
     * after a failure are left out. Returns how many items this call handled.
     */
    public int run(Job job, Instant asOf) {
        int handled = 0;
        Set<String> tried = new HashSet<>();
        while (tried.size() < maxPerRun) {
            Set<String> waiting = failures.waiting(job.name(), asOf);
            List<String> batch = job.due(asOf, batchSize + waiting.size() + tried.size()).stream()
                    .filter(id -> !waiting.contains(id) && !tried.contains(id))
                    .limit(Math.min(batchSize, maxPerRun - tried.size()))
                    .toList();
            if (batch.isEmpty()) {
                return handled;
            }
            for (String itemId : batch) {
                tried.add(itemId);
                if (handleOne(job, itemId, asOf)) {
                    handled++;
                }
            }
        }
        return handled;
    }

    /**
     * Does what the sweep finds due at {@code asOf}, batch after batch, each in its own transaction, until a batch says
     * nothing more is due, one fails, or the limit of items per run is reached; returns the rows done. A batch that
     * fails is recorded under {@link Sweep#NEXT_BATCH} and retried like an item: until its next attempt, and once its
     * attempts are used up until an operator releases it, the sweep does nothing.
     */
    public int sweep(Sweep sweep, Instant asOf) {
        Optional<JobFailures.Failing> failing = failures.failing(sweep.name(), Sweep.NEXT_BATCH);
        if (failing.isPresent() && failing.get().waitsAt(asOf)) {
            return 0;
        }
        boolean failedBefore = failing.isPresent();
        int rows = 0;
        for (int batch = 0; batch < maxPerRun; batch++) {
            Optional<Sweep.Swept> swept = attempt(
                    sweep.name(),
                    Sweep.NEXT_BATCH,
                    asOf,
                    failedBefore,
                    () -> sweep.sweepNext(asOf),
                    done -> done.rows() > 0);
            if (swept.isEmpty()) {
                return rows;
            }
            rows += swept.get().rows();
            failedBefore = false;
            if (!swept.get().more()) {
                return rows;
            }
        }
        return rows;
    }

    /** The items waiting for an operator, with their last error: the jobs' own, then those kept elsewhere. */
    public List<StuckItem> stuck() {
        List<StuckItem> all = new ArrayList<>(failures.stuck());
        elsewhere.forEach(source -> all.addAll(source.stuck()));
        return all;
    }

    /** As {@link #stuck()}, each source's items read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<StuckItem>> stuck(ReadsTogether.Batch batch) {
        List<ReadsTogether.Later<List<StuckItem>>> sources = new ArrayList<>();
        sources.add(failures.stuck(batch));
        elsewhere.forEach(source -> sources.add(source.stuck(batch)));
        return ReadsTogether.Later.of(sources).map(read -> {
            List<StuckItem> all = new ArrayList<>();
            read.forEach(source -> all.addAll(source.get()));
            return all;
        });
    }

    /**
     * Lets a stuck item be tried again at the job's next run after {@code at}, in the caller's transaction; one more
     * failure makes it stuck again. Empty when the item is not waiting for an operator.
     */
    public Optional<StuckItem> release(String job, String itemId, Instant at) {
        for (StuckElsewhere source : elsewhere) {
            if (source.job().equals(job)) {
                return source.release(itemId, at);
            }
        }
        return failures.release(job, itemId, at);
    }

    private boolean handleOne(Job job, String itemId, Instant asOf) {
        return attempt(job.name(), itemId, asOf, false, () -> job.handle(itemId, asOf), Boolean::booleanValue)
                .orElse(false);
    }

    /**
     * Does the work in a transaction of its own: its result, or empty when it failed (rolled back, recorded and
     * counted). A success forgets the item's failures when it did something, or when the item had failed before.
     */
    private <T> Optional<T> attempt(
            String job,
            String itemId,
            Instant asOf,
            boolean failedBefore,
            Supplier<T> work,
            Predicate<T> didSomething) {
        try {
            T result = transactions.execute(tx -> {
                T done = work.get();
                if (didSomething.test(done) || failedBefore) {
                    failures.clear(job, itemId);
                }
                return done;
            });
            if (didSomething.test(result)) {
                counter(job, "handled").increment();
            }
            return Optional.of(result);
        } catch (RuntimeException failure) {
            counter(job, "failed").increment();
            recordFailure(job, itemId, asOf, failure);
            return Optional.empty();
        }
    }

    private void recordFailure(String job, String itemId, Instant at, RuntimeException failure) {
        String error = describe(failure);
        try {
            Optional<Instant> next = transactions.execute(tx -> {
                int attempts = failures.recordFailure(job, itemId, error, at);
                Optional<Instant> nextAttempt = retry.nextAttempt(attempts, at);
                failures.scheduleNextAttempt(job, itemId, nextAttempt);
                return nextAttempt;
            });
            if (next != null && next.isPresent()) {
                log.warn(
                        "Job {} could not handle {}; trying again from {}: {}",
                        job,
                        itemId,
                        next.get(),
                        error,
                        failure);
            } else {
                log.error(
                        "Job {} could not handle {} and has given up; it waits for an operator"
                                + " (GET /api/v1/operations/stuck): {}",
                        job,
                        itemId,
                        error,
                        failure);
            }
        } catch (RuntimeException notRecorded) {
            // Without its record the item is simply tried again at the next run.
            log.error("Job {} could not handle {} ({}) nor record the failure", job, itemId, error, notRecorded);
        }
    }

    private Counter counter(String job, String outcome) {
        return Counter.builder("techmarket.jobs.items")
                .description("Items background jobs handled or failed")
                .tag("job", job)
                .tag("outcome", outcome)
                .register(meters);
    }

    /** The error as an operator reads it: a rejection's code and message, else the exception and its root cause. */
    static String describe(Throwable failure) {
        String text;
        if (failure instanceof Rejection rejection) {
            text = rejection.code() + ": " + rejection.getMessage();
        } else {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            text = failure.getClass().getSimpleName() + ": " + failure.getMessage()
                    + (root == failure
                            ? ""
                            : " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
        }
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
