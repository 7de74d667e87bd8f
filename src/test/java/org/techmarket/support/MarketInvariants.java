package org.techmarket.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The market's invariants, checked after every integration test over the whole shared database: the ledger
 * balances (every currency sums to zero, no account is overdrawn, balances match their entries and holds), and the
 * rights registry's state matches the completed deals exactly — a deal records its grants when it completes and
 * never otherwise, one per asset, to its buyer, and every grant a deal caused is noted on that deal. Each query is
 * one statement, so it reads one consistent snapshot even while background jobs run.
 */
final class MarketInvariants {

    /** The deal statuses in which a deal has recorded (or noted) its grants: completed, then perhaps terminated. */
    private static final String PASSED = "('COMPLETED', 'TERMINATED')";

    private MarketInvariants() {}

    static void check(Api api, JdbcClient jdbc) {
        JsonNode ledger = api.get("/api/v1/ledger/balance-check", IntegrationTest.ADMIN_TOKEN)
                .json();
        assertThat(ledger.path("balanced").asBoolean())
                .as("the ledger balances: %s", ledger)
                .isTrue();

        assertThat(list(
                        jdbc,
                        "select g.deal_id || ' ' || d.status from deal_grant g join deal d on d.id = g.deal_id"
                                + " where d.status not in " + PASSED))
                .as("grants noted on deals that have not completed")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select d.id || '/' || a.asset_id from deal d join deal_asset a on a.deal_id = d.id"
                                + " left join deal_grant g on g.deal_id = d.id and g.asset_id = a.asset_id"
                                + " where d.status in " + PASSED + " and g.grant_id is null"))
                .as("assets of completed deals without a grant")
                .isEmpty();
        assertThat(list(
                        jdbc,
                        "select g.deal_id || '/' || g.grant_id from deal_grant g join deal d on d.id = g.deal_id"
                                + " left join rights_grant r on r.id = g.grant_id"
                                + " where r.id is null or r.asset_id <> g.asset_id or r.grantee_id <> d.buyer_id"
                                + " or r.type <> d.grant_kind"))
                .as("grants noted on deals that are not the deal's asset, buyer and kind")
                .isEmpty();
        assertThat(
                        list(
                                jdbc,
                                "select r.id || ' caused by ' || d.id from rights_grant r join deal d"
                                        + " on split_part(r.cause_id, '/', 1) = d.id"
                                        + " where not exists (select 1 from deal_grant g where g.deal_id = d.id and g.grant_id = r.id)"))
                .as("grants recorded for a deal but not noted on it")
                .isEmpty();
    }

    private static List<String> list(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }
}
