package org.techmarket.shared.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Deletes stored idempotent responses once they are older than the retention period
 * ({@code techmarket.idempotency.retention}, default seven days): a client retries within minutes or hours, and the
 * table would otherwise grow with every payment. A key sent again after its response was deleted is a new request.
 * Deletes in batches, each in its own transaction as a {@link Sweep} of {@link BackgroundJobs}, so the job never holds
 * many rows at once and a batch that cannot be deleted is recorded and retried; several nodes running it together only
 * delete what is there.
 */
@Component
public class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRetention(
            JdbcClient jdbc,
            BackgroundJobs jobs,
            Clock clock,
            @Value("${techmarket.idempotency.retention:P7D}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("techmarket.idempotency.retention must be positive");
        }
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${techmarket.idempotency.cleanup-cron:0 45 3 * * *}", zone = "UTC")
    void deleteExpired() {
        int deleted = deleteOlderThan(retention);
        if (deleted > 0) {
            log.info("Deleted {} stored idempotent responses older than {}", deleted, retention);
        }
    }

    /** Deletes the responses stored more than {@code age} ago; returns how many. */
    public int deleteOlderThan(Duration age) {
        Instant now = clock.instant();
        Timestamp before = Timestamp.from(now.minus(age));
        return jobs.sweep(
                Sweep.of(
                        "idempotency-retention",
                        asOf -> Swept.of(
                                jdbc.sql("delete from idempotency_key"
                                                + " where ctid in (select ctid from idempotency_key where created_at < ? limit "
                                                + BATCH + ")")
                                        .param(before)
                                        .update(),
                                BATCH)),
                now);
    }
}
