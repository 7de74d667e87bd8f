package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * The tally of registered assets the front page shows stays the number of rows in the asset table: registrations
 * racing on eight connections each add their asset once, a refused registration and a rolled-back insert add nothing.
 */
class AssetTallyIT extends IntegrationTest {

    private static final int RACERS = 8;
    private static final int EACH = 3;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void registrationsRacingOnEightConnectionsAreEachCountedOnce() throws Exception {
        List<Fixtures.Org> owners = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            owners.add(fixtures.verifiedOrg("UNIVERSITY"));
        }
        long before = tally();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (Fixtures.Org owner : owners) {
                answers.add(racers.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < EACH; i++) {
                        statuses.add(fixtures.registerAsset(owner, Fixtures.knowHowAsset(owner.id()))
                                .status());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> answer : answers) {
                assertThat(answer.get()).containsOnly(201);
            }
        } finally {
            racers.shutdownNow();
        }

        assertThat(tally()).as("the tally after the race").isGreaterThanOrEqualTo(before + RACERS * EACH);
        assertThat(tallyAndCount())
                .as("the tally and the rows counted in one snapshot")
                .isEmpty();
    }

    @Test
    void aRefusedRegistrationAndARolledBackInsertAddNothing() {
        Fixtures.Org owner = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> halfOwned = Fixtures.knowHowAsset(owner.id());
        String title = Fixtures.unique("Refused asset");
        halfOwned.put("title", title);
        halfOwned.put("owners", List.of(Map.of("organizationId", owner.id(), "share", "50")));

        Api.Response refused = fixtures.registerAsset(owner, halfOwned);
        assertThat(refused.status()).as(refused.text()).isBetween(400, 499);
        assertThat(refused.text("code")).as(refused.text()).isNotBlank();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into asset (id, kind, title, abstract, language, ipc, industries, legal_status, trl,"
                            + " registered_by, created_at, updated_at, version) select ?, 'KNOW_HOW', ?, '', 'en', '{}',"
                            + " '{}', 'PENDING', 5, ?, now(), now(), 1")
                    .params(Fixtures.unique("rolled-back"), title, owner.id())
                    .update();
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("select count(*) from asset where title = ?")
                        .param(title)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(tallyAndCount())
                .as("the tally and the rows counted in one snapshot")
                .isEmpty();
    }

    private long tally() {
        return jdbc.sql("select sum(assets) from asset_tally").query(Long.class).single();
    }

    /** The tally and the count when they differ, read in one statement; empty when they agree. */
    private List<String> tallyAndCount() {
        return jdbc.sql("select t.tally || ' counted, ' || a.rows || ' rows' from (select sum(assets) as tally from"
                        + " asset_tally) t, (select count(*) as rows from asset) a where t.tally <> a.rows")
                .query(String.class)
                .list();
    }
}
