package org.techmarket.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The one shape of background work, on the real database: an item that fails is rolled back and holds up no other,
 * is tried again after a wait that doubles each time, waits for an operator once its attempts are used up, and is
 * handled again once an operator releases it over {@code /api/v1/operations/stuck}. A sweep's batch is such an item.
 */
class BackgroundJobsIT extends IntegrationTest {

    @Autowired
    BackgroundJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aFailingItemIsRetriedWithBackOffThenWaitsForAnOperatorWhoReleasesIt() {
        String name = Fixtures.unique("test-job");
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicBoolean broken = new AtomicBoolean(true);
        List<String> items = List.of("a", "b", "c", "d");
        Job job = Job.of(
                name,
                (asOf, limit) -> items.stream()
                        .filter(i -> !done.contains(i))
                        .limit(limit)
                        .toList(),
                (id, asOf) -> {
                    // The item's own write, rolled back with it when it fails.
                    jdbc.sql("insert into job_failure (job, item_id, attempts, last_error, first_failed_at,"
                                    + " last_failed_at) values (?, ?, 1, 'written', now(), now())")
                            .params(name + "-writes", id)
                            .update();
                    if (id.equals("a") && broken.get()) {
                        throw new IllegalStateException("item a cannot be handled");
                    }
                    done.add(id);
                    return true;
                });
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);

        assertThat(jobs.run(job, start)).as("the others are handled").isEqualTo(3);
        assertThat(done).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(jdbc.sql("select item_id from job_failure where job = ?")
                        .param(name + "-writes")
                        .query(String.class)
                        .list())
                .as("the failed item's write rolled back")
                .containsExactlyInAnyOrder("b", "c", "d");
        assertThat(failure(name).get("attempts")).isEqualTo(1);
        assertThat(failure(name).get("last_error")).isEqualTo("IllegalStateException: item a cannot be handled");
        assertThat(nextAttempt(name)).isEqualTo(start.plusSeconds(10));

        assertThat(jobs.run(job, start.plusSeconds(9)))
                .as("waits for its next attempt")
                .isZero();
        assertThat(failure(name).get("attempts")).isEqualTo(1);

        Instant at = start;
        long wait = 10;
        for (int attempt = 2; attempt <= 8; attempt++) {
            at = nextAttempt(name);
            assertThat(jobs.run(job, at)).isZero();
            assertThat(failure(name).get("attempts")).isEqualTo(attempt);
            if (attempt < 8) {
                wait *= 2;
                assertThat(nextAttempt(name)).as("after failure %s", attempt).isEqualTo(at.plusSeconds(wait));
            }
        }
        assertThat(failure(name).get("next_attempt_at"))
                .as("waits for an operator")
                .isNull();
        assertThat(jobs.run(job, at.plus(Duration.ofDays(1)))).isZero();
        assertThat(failure(name).get("attempts")).isEqualTo(8);

        JsonNode listed = stuckItem(name, ADMIN_TOKEN);
        assertThat(listed.path("itemId").asString()).isEqualTo("a");
        assertThat(listed.path("attempts").asInt()).isEqualTo(8);
        assertThat(listed.path("lastError").asString()).isEqualTo("IllegalStateException: item a cannot be handled");
        assertThat(Instant.parse(listed.path("firstFailedAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(listed.path("lastFailedAt").asString())).isEqualTo(at);
        assertThat(listed.path("nextAttemptAt").isNull()).isTrue();

        String member = fixtures.verifiedOrg("ENTERPRISE").token();
        String regulator = fixtures.regulator();
        assertThat(stuckItem(name, regulator).path("itemId").asString()).isEqualTo("a");
        Api.Response notForMembers = api.get("/api/v1/operations/stuck", member);
        assertThat(notForMembers.status()).isEqualTo(403);
        assertThat(notForMembers.code()).isEqualTo("FORBIDDEN");
        String retry = "/api/v1/operations/stuck/" + name + "/a/retry";
        assertThat(api.post(retry, member, Map.of()).status()).isEqualTo(403);
        assertThat(api.post(retry, regulator, Map.of()).status()).isEqualTo(403);
        Api.Response unknown = api.post("/api/v1/operations/stuck/" + name + "/b/retry", ADMIN_TOKEN, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("STUCK_ITEM_NOT_FOUND");
        assertThat(failure(name).get("next_attempt_at"))
                .as("refusals change nothing")
                .isNull();

        Api.Response released = api.post(retry, ADMIN_TOKEN, Map.of());
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.json().path("attempts").asInt()).isEqualTo(8);
        assertThat(released.json().path("nextAttemptAt").isNull()).isFalse();
        assertThat(stuckItem(name, ADMIN_TOKEN).isMissingNode())
                .as("no longer waiting for an operator")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'StuckItemReleased' and subject = ?")
                        .param("job:" + name + "/a")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.post(retry, ADMIN_TOKEN, Map.of()).code())
                .as("released once")
                .isEqualTo("STUCK_ITEM_NOT_FOUND");

        broken.set(false);
        assertThat(jobs.run(job, Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(done).contains("a");
        assertThat(jdbc.sql("select count(*) from job_failure where job = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .as("a success forgets the failures")
                .isZero();
        assertThat(meters.counter("techmarket.jobs.items", "job", name, "outcome", "failed")
                        .count())
                .isEqualTo(8);
        assertThat(meters.counter("techmarket.jobs.items", "job", name, "outcome", "handled")
                        .count())
                .isEqualTo(4);
        jdbc.sql("delete from job_failure where job = ?")
                .param(name + "-writes")
                .update();
    }

    @Test
    void aSweepDoesBatchAfterBatchAndAFailedBatchIsRolledBackCountedAndSweptAgainAtItsNextAttempt() {
        String name = Fixtures.unique("test-sweep");
        AtomicInteger due = new AtomicInteger(25);
        AtomicInteger batches = new AtomicInteger();
        Sweep sweep = Sweep.of(name, asOf -> {
            int batch = batches.incrementAndGet();
            // The batch's own write, rolled back with it when it fails.
            jdbc.sql("insert into job_failure (job, item_id, attempts, last_error, first_failed_at, last_failed_at)"
                            + " values (?, ?, 1, 'written', now(), now())")
                    .params(name + "-writes", "batch-" + batch)
                    .update();
            if (batch == 2) {
                throw new IllegalStateException("batch " + batch + " cannot be swept");
            }
            int rows = Math.min(10, due.get());
            due.addAndGet(-rows);
            return Sweep.Swept.of(rows, 10);
        });
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);

        assertThat(jobs.sweep(sweep, start))
                .as("the batch before the failure stays done")
                .isEqualTo(10);
        assertThat(batches.get()).as("the run stops at the failed batch").isEqualTo(2);
        assertThat(writes(name)).containsExactly("batch-1");
        assertThat(failure(name).get("attempts")).isEqualTo(1);
        assertThat(jdbc.sql("select item_id from job_failure where job = ?")
                        .param(name)
                        .query(String.class)
                        .single())
                .isEqualTo(Sweep.NEXT_BATCH);
        assertThat(failure(name).get("last_error")).isEqualTo("IllegalStateException: batch 2 cannot be swept");
        assertThat(nextAttempt(name)).isEqualTo(start.plusSeconds(10));

        assertThat(jobs.sweep(sweep, start.plusSeconds(9)))
                .as("waits for its next attempt")
                .isZero();
        assertThat(batches.get()).isEqualTo(2);

        assertThat(jobs.sweep(sweep, start.plusSeconds(10)))
                .as("the rest, in two batches")
                .isEqualTo(15);
        assertThat(writes(name)).containsExactlyInAnyOrder("batch-1", "batch-3", "batch-4");
        assertThat(jdbc.sql("select count(*) from job_failure where job = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .as("a success forgets the failure")
                .isZero();
        assertThat(jobs.sweep(sweep, start.plusSeconds(11)))
                .as("nothing more is due")
                .isZero();
        assertThat(meters.counter("techmarket.jobs.items", "job", name, "outcome", "failed")
                        .count())
                .isEqualTo(1);
        assertThat(meters.counter("techmarket.jobs.items", "job", name, "outcome", "handled")
                        .count())
                .as("three batches did something; the empty one is not counted")
                .isEqualTo(3);
        jdbc.sql("delete from job_failure where job = ?")
                .param(name + "-writes")
                .update();
    }

    @Test
    void aSweepWhoseAttemptsAreUsedUpWaitsForAnOperator() {
        String name = Fixtures.unique("test-sweep");
        Sweep sweep = Sweep.of(name, asOf -> {
            throw new IllegalStateException("still broken");
        });
        Instant at = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; attempt <= 8; attempt++) {
            jobs.sweep(sweep, at);
            at = at.plus(Duration.ofHours(1));
        }
        assertThat(failure(name).get("attempts")).isEqualTo(8);
        assertThat(failure(name).get("next_attempt_at")).isNull();
        assertThat(stuckItem(name, ADMIN_TOKEN).path("itemId").asString()).isEqualTo(Sweep.NEXT_BATCH);
        jobs.sweep(sweep, at.plus(Duration.ofDays(1)));
        assertThat(failure(name).get("attempts")).as("not tried until released").isEqualTo(8);
        jdbc.sql("delete from job_failure where job = ?").param(name).update();
    }

    @Test
    void aReleasedItemThatFailsAgainWaitsForAnOperatorAtOnce() {
        String name = Fixtures.unique("test-job");
        Job job = Job.of(name, (asOf, limit) -> List.of("x"), (id, asOf) -> {
            throw new IllegalStateException("still broken");
        });
        Instant at = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; attempt <= 8; attempt++) {
            jobs.run(job, at);
            at = at.plus(Duration.ofHours(1));
        }
        assertThat(failure(name).get("next_attempt_at")).isNull();

        assertThat(api.post("/api/v1/operations/stuck/" + name + "/x/retry", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);
        jobs.run(job, Instant.now().plusSeconds(1));

        assertThat(failure(name).get("attempts")).isEqualTo(9);
        assertThat(failure(name).get("next_attempt_at")).isNull();
        jdbc.sql("delete from job_failure where job = ?").param(name).update();
    }

    @Test
    void anEventDeliveryGivenUpOnIsListedAndReleasedLikeAnyStuckItem() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql(
                        "insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                                + " status, completion_attempts, last_resubmission_date) values (?::uuid, 'test.listener',"
                                + " 'org.techmarket.Test', '{}', now() - interval '1 hour', 'FAILED', 10, now() - interval '5 minutes')")
                .param(id)
                .update();
        try {
            JsonNode listed = stuckItem("event-delivery", ADMIN_TOKEN, id);
            assertThat(listed.path("attempts").asInt()).isEqualTo(10);
            assertThat(listed.path("lastError").asString()).contains("test.listener");
            Api.Response notAnId =
                    api.post("/api/v1/operations/stuck/event-delivery/not-a-uuid/retry", ADMIN_TOKEN, Map.of());
            assertThat(notAnId.code()).isEqualTo("STUCK_ITEM_NOT_FOUND");

            Api.Response released =
                    api.post("/api/v1/operations/stuck/event-delivery/" + id + "/retry", ADMIN_TOKEN, Map.of());

            assertThat(released.status()).as(released.text()).isEqualTo(200);
            assertThat(jdbc.sql("select completion_attempts from event_publication where id = ?::uuid")
                            .param(id)
                            .query(Integer.class)
                            .single())
                    .as("one more attempt")
                    .isEqualTo(9);
            assertThat(stuckItem("event-delivery", ADMIN_TOKEN, id).isMissingNode())
                    .isTrue();
        } finally {
            jdbc.sql("delete from event_publication where id = ?::uuid")
                    .param(id)
                    .update();
        }
    }

    private Map<String, Object> failure(String job) {
        return jdbc.sql("select attempts, last_error, next_attempt_at from job_failure where job = ?")
                .param(job)
                .query()
                .singleRow();
    }

    private List<String> writes(String job) {
        return jdbc.sql("select item_id from job_failure where job = ?")
                .param(job + "-writes")
                .query(String.class)
                .list();
    }

    private Instant nextAttempt(String job) {
        return ((Timestamp) failure(job).get("next_attempt_at")).toInstant();
    }

    private JsonNode stuckItem(String job, String token) {
        return stuckItem(job, token, null);
    }

    private JsonNode stuckItem(String job, String token, String itemId) {
        Api.Response stuck = api.get("/api/v1/operations/stuck", token);
        assertThat(stuck.status()).as(stuck.text()).isEqualTo(200);
        for (JsonNode item : stuck.json().path("items")) {
            if (item.path("job").asString().equals(job)
                    && (itemId == null || item.path("itemId").asString().equals(itemId))) {
                return item;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
