package org.techmarket.shared.db;

import java.time.Clock;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Stamps the primary's time into the heartbeat row on every node that has a read replica configured, so that the
 * replica's copy of the row tells how far behind it is ({@link ReplicaRouting}).
 */
@Component
@Conditional(ReadReplicaConfiguration.ReplicaConfigured.class)
class ReplicaHeartbeat {

    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Sweep beat;

    ReplicaHeartbeat(JdbcClient jdbc, BackgroundJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.beat = Sweep.of(
                "replica-heartbeat",
                asOf -> Swept.last(jdbc.sql("insert into replica_heartbeat (id, beat_at) values (1, now())"
                                + " on conflict (id) do update set beat_at = excluded.beat_at")
                        .update()));
    }

    @Scheduled(fixedDelayString = "${techmarket.read-replica.heartbeat-interval:PT1S}")
    void beat() {
        jobs.sweep(beat, clock.instant());
    }
}
