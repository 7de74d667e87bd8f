package org.techmarket.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.shared.ReadReplica;

/**
 * Sends lag-tolerant reads to the read replica while its heartbeat is at most {@code maxLag} old, and to the primary
 * otherwise, including while the replica cannot be reached. The heartbeat is a row the primary stamps every second
 * ({@link ReplicaHeartbeat}); its age as the replica sees it bounds how far the replica is behind, whatever replicates
 * it (PostgreSQL's streaming or logical replication). The age is looked up at most once per {@code checkEvery}, so a
 * read served by the replica is at most {@code maxLag + checkEvery} behind the primary.
 */
final class ReplicaRouting implements ReadReplica, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

    private final JdbcClient primary;
    private final HikariDataSource replicaPool;
    private final JdbcClient replica;
    private final Duration maxLag;
    private final Duration checkEvery;
    private final Clock clock;
    private volatile Instant checkedAt = Instant.MIN;
    private volatile Optional<Duration> lag = Optional.empty();
    private volatile boolean onReplica;

    ReplicaRouting(
            JdbcClient primary,
            HikariDataSource replicaPool,
            Duration maxLag,
            Duration checkEvery,
            Clock clock,
            MeterRegistry meters) {
        this.primary = primary;
        this.replicaPool = replicaPool;
        this.replica = JdbcClient.create(replicaPool);
        this.maxLag = maxLag;
        this.checkEvery = checkEvery;
        this.clock = clock;
        Gauge.builder(
                        "techmarket.read_replica.lag",
                        this,
                        r -> r.lag.map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                .description("Age of the primary's heartbeat as the read replica last showed it")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public JdbcClient reads() {
        Instant now = clock.instant();
        if (!now.isBefore(checkedAt.plus(checkEvery))) {
            check(now);
        }
        return onReplica ? replica : primary;
    }

    @Override
    public boolean readsPrimary() {
        return reads() == primary;
    }

    private synchronized void check(Instant now) {
        if (now.isBefore(checkedAt.plus(checkEvery))) {
            return;
        }
        checkedAt = now;
        try {
            lag = replica.sql("select (extract(epoch from now() - beat_at) * 1000)::bigint from replica_heartbeat")
                    .query(Long.class)
                    .optional()
                    .map(Duration::ofMillis);
        } catch (RuntimeException unreachable) {
            lag = Optional.empty();
            if (onReplica) {
                log.warn("The read replica cannot be read; reads go to the primary: {}", unreachable.getMessage());
            }
        }
        boolean fresh = lag.filter(age -> age.compareTo(maxLag) <= 0).isPresent();
        if (fresh != onReplica) {
            log.info(
                    "Lag-tolerant reads now go to the {} (replica lag {}, at most {})",
                    fresh ? "read replica" : "primary",
                    lag.map(Duration::toString).orElse("unknown"),
                    maxLag);
        }
        onReplica = fresh;
    }

    @Override
    public void close() {
        replicaPool.close();
    }
}
