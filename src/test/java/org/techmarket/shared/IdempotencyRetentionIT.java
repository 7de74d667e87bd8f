package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Stored idempotent responses are replayed while kept and deleted once older than the retention period; the same
 * key afterwards is a new request, which the market's own rules judge again.
 */
class IdempotencyRetentionIT extends IntegrationTest {

    @Autowired
    IdempotencyRetention retention;
    @Autowired
    JdbcClient jdbc;

    private Api.Response cashIn(String key, Org org, String reference) {
        return api.post("/api/v1/ledger/cash-ins", ADMIN_TOKEN, Map.of("organizationId", org.id(), "amount",
                Map.of("amount", "100.00", "currency", "CNY"), "bankReference", reference), key);
    }

    private long stored(String key) {
        return jdbc.sql("select count(*) from idempotency_key where key = ?").param(key).query(Long.class).single();
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

        jdbc.sql("update idempotency_key set created_at = created_at - interval '8 days' where key = ?").param(old)
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
        assertThat(jdbc.sql("select count(*) from ledger_transfer where id = ?").param(first.text("transferId"))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(stored(old)).isEqualTo(1);
    }
}
