package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.shared.events.EventRedelivery;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.RefusingTrigger;

/**
 * Resubmitting undelivered module events and forgetting delivered ones are sweeps of the background jobs: a round that
 * fails is rolled back, counted, and done at its next attempt.
 */
class EventRedeliveryIT extends IntegrationTest {

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aResubmissionRoundThatFailsIsRolledBackCountedAndDoneAtItsNextAttempt() {
        String listener = Fixtures.unique("test.broken");
        // Given up on (so never delivered) but left RESUBMITTED by a node that stopped: each round first releases it.
        String stranded = publication(listener, "RESUBMITTED", "null", 10);
        double failedBefore = failures("event-resubmission");
        try (RefusingTrigger refusing =
                RefusingTrigger.on(jdbc, "update", "event_publication", "old.listener_id = '" + listener + "'")) {
            assertThat(redelivery.resubmit(Duration.ZERO)).isZero();
            assertThat(status(stranded)).as("rolled back").isEqualTo("RESUBMITTED");
            assertThat(failures("event-resubmission")).isGreaterThan(failedBefore);
            assertThat(lastError("event-resubmission")).contains(RefusingTrigger.MESSAGE);
        }

        nextAttemptHasCome("event-resubmission");
        redelivery.resubmit(Duration.ZERO);
        assertThat(status(stranded)).isEqualTo("FAILED");
        assertThat(failing("event-resubmission")).as("the failure is forgotten").isZero();
        jdbc.sql("delete from event_publication where listener_id = ?")
                .param(listener)
                .update();
    }

    @Test
    void deliveredEventsAreForgottenAfterAWhileAndACleanUpThatFailsIsDoneAtItsNextAttempt() {
        String listener = Fixtures.unique("test.delivered");
        String old = publication(listener, "COMPLETED", "now() - interval '30 days'", 1);
        String older = publication(listener, "COMPLETED", "now() - interval '40 days'", 1);
        String recent = publication(listener, "COMPLETED", "now() - interval '1 day'", 1);
        double failedBefore = failures("event-cleanup");
        try (RefusingTrigger refusing =
                RefusingTrigger.on(jdbc, "delete", "event_publication", "old.id = '" + old + "'")) {
            assertThat(redelivery.deleteCompletedOlderThan(Duration.ofDays(7))).isZero();
            assertThat(remaining(listener)).containsExactlyInAnyOrder(old, older, recent);
            assertThat(failures("event-cleanup")).isEqualTo(failedBefore + 1);
            assertThat(redelivery.deleteCompletedOlderThan(Duration.ofDays(7)))
                    .as("waits for its next attempt")
                    .isZero();
        }

        nextAttemptHasCome("event-cleanup");
        assertThat(redelivery.deleteCompletedOlderThan(Duration.ofDays(7))).isGreaterThanOrEqualTo(2);
        assertThat(remaining(listener)).containsExactly(recent);
        assertThat(failing("event-cleanup")).isZero();
        jdbc.sql("delete from event_publication where listener_id = ?")
                .param(listener)
                .update();
    }

    private String publication(String listener, String status, String completedAt, int attempts) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date, status, completion_attempts, last_resubmission_date) values (?::uuid, ?,"
                        + " 'org.techmarket.Test', '{}', now() - interval '50 days', " + completedAt + ", ?, ?,"
                        + " now() - interval '1 hour')")
                .params(id, listener, status, attempts)
                .update();
        return id;
    }

    private String status(String id) {
        return jdbc.sql("select status from event_publication where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<String> remaining(String listener) {
        return jdbc.sql("select id::text from event_publication where listener_id = ?")
                .param(listener)
                .query(String.class)
                .list();
    }

    private void nextAttemptHasCome(String job) {
        jdbc.sql("update job_failure set next_attempt_at = now() - interval '1 second' where job = ?")
                .param(job)
                .update();
    }

    private long failing(String job) {
        return jdbc.sql("select count(*) from job_failure where job = ?")
                .param(job)
                .query(Long.class)
                .single();
    }

    private String lastError(String job) {
        return jdbc.sql("select last_error from job_failure where job = ?")
                .param(job)
                .query(String.class)
                .single();
    }

    private double failures(String job) {
        return meters.counter("techmarket.jobs.items", "job", job, "outcome", "failed")
                .count();
    }
}
