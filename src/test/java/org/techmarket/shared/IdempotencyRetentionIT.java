package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.shared.idempotency.IdempotencyRetention;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.RefusingTrigger;

/**
 * Stored idempotent responses are replayed while kept and deleted once older than the retention period; the same
 * key afterwards is a new request, which the market's own rules judge again. A batch that cannot be deleted is rolled
 * back, counted and deleted at its next attempt.
 */
class IdempotencyRetentionIT extends IntegrationTest {

    @Autowired
    IdempotencyRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private Api.Response cashIn(String key, Org org, String reference) {
        return api.post(
                "/api/v1/ledger/cash-ins",
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        Map.of("amount", "100.00", "currency", "CNY"),
                        "bankReference",
                        reference),
                key);
    }

    private long stored(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    @Test
    void responsesOlderThanTheRetentionAreDeletedAndTheirKeysAreNewAgain() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String old = Fixtures.unique("old");
        String recent = Fixtures.unique("recent");
        String oldReference = Fixtures.unique("bank");
        Api.Response first = cashIn(old, org, oldReference);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(cashIn(recent, org, Fixtures.unique("bank")).status()).isEqualTo(201);
        Api.Response replayed = cashIn(old, org, oldReference);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.text()).isEqualTo(first.text());

        jdbc.sql("update idempotency_key set created_at = created_at - interval '8 days' where key = ?")
                .param(old)
                .update();
        assertThat(retention.deleteOlderThan(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);
        assertThat(stored(old)).isZero();
        assertThat(stored(recent)).isEqualTo(1);

        // The key is new again: the request runs anew, and the ledger knows the bank reference, so it answers with
        // the cash-in it recorded the first time and moves no money twice.
        Api.Response again = cashIn(old, org, oldReference);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.text("transferId")).isEqualTo(first.text("transferId"));
        assertThat(jdbc.sql("select count(*) from ledger_transfer where id = ?")
                        .param(first.text("transferId"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(stored(old)).isEqualTo(1);
    }

    @Test
    void aBatchThatCannotBeDeletedIsRolledBackCountedAndDeletedAtItsNextAttempt() {
        Org org = fixtures.verifiedOrg("ENTERPRISE");
        String kept = Fixtures.unique("kept");
        String other = Fixtures.unique("other");
        assertThat(cashIn(kept, org, Fixtures.unique("bank")).status()).isEqualTo(201);
        assertThat(cashIn(other, org, Fixtures.unique("bank")).status()).isEqualTo(201);
        jdbc.sql("update idempotency_key set created_at = created_at - interval '8 days' where key in (?, ?)")
                .params(kept, other)
                .update();
        double failedBefore = failed();

        try (RefusingTrigger refusing =
                RefusingTrigger.on(jdbc, "delete", "idempotency_key", "old.key = '" + kept + "'")) {
            assertThat(retention.deleteOlderThan(Duration.ofDays(7))).isZero();
            assertThat(stored(kept)).isEqualTo(1);
            assertThat(stored(other)).as("the batch rolled back as a whole").isEqualTo(1);
            assertThat(failed()).isEqualTo(failedBefore + 1);
            assertThat(jdbc.sql("select last_error from job_failure where job = 'idempotency-retention'"
                                    + " and item_id = 'next-batch'")
                            .query(String.class)
                            .single())
                    .contains(RefusingTrigger.MESSAGE);
            assertThat(retention.deleteOlderThan(Duration.ofDays(7)))
                    .as("waits for its next attempt")
                    .isZero();
            assertThat(failed()).isEqualTo(failedBefore + 1);
        }

        // Its next attempt has come.
        jdbc.sql("update job_failure set next_attempt_at = now() - interval '1 second'"
                        + " where job = 'idempotency-retention'")
                .update();
        assertThat(retention.deleteOlderThan(Duration.ofDays(7))).isGreaterThanOrEqualTo(2);
        assertThat(stored(kept)).isZero();
        assertThat(stored(other)).isZero();
        assertThat(jdbc.sql("select count(*) from job_failure where job = 'idempotency-retention'")
                        .query(Long.class)
                        .single())
                .as("the failure is forgotten")
                .isZero();
    }

    private double failed() {
        return meters.counter("techmarket.jobs.items", "job", "idempotency-retention", "outcome", "failed")
                .count();
    }
}
