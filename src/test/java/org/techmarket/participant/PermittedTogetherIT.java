package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Several organizations checked together for one action (a group of bids on one listing): each is permitted as it
 * would be alone, the first refused refuses the call, and a suspension of any of them waits until the checked
 * actions have committed.
 */
class PermittedTogetherIT extends IntegrationTest {

    @Autowired
    Participants participants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachOrganizationIsPermittedAsAloneAndTheFirstRefusedRefusesTheCall() {
        Fixtures.Org first = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org second = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org pending = fixtures.registerOrg("ENTERPRISE");
        Fixtures.Org suspended = fixtures.verifiedOrg("ENTERPRISE");
        assertThat(api.post(
                                "/api/v1/organizations/" + suspended.id() + "/suspension",
                                ADMIN_TOKEN,
                                Map.of("reason", "Unpaid venue fees"))
                        .status())
                .isEqualTo(200);

        Map<String, OrganizationSummary> permitted = transactions.execute(status ->
                participants.permittedAll(List.of(actor(first), actor(second), actor(first)), MarketAction.BID));
        assertThat(permitted).containsOnlyKeys(first.id(), second.id());
        assertThat(permitted.get(second.id()).id()).isEqualTo(second.id());

        refused(List.of(actor(first), actor(suspended)), "ORGANIZATION_SUSPENDED");
        refused(List.of(actor(pending), actor(first)), "ORGANIZATION_NOT_VERIFIED");
        refused(
                List.of(
                        actor(first),
                        new Actor("nobody", "nobody", Role.MEMBER, Optional.of("no-such"), Optional.empty())),
                "ORGANIZATION_NOT_FOUND");
    }

    @Test
    void aSuspensionOfOneOfThemWaitsForTheCheckedActionToCommit() throws Exception {
        Fixtures.Org first = fixtures.verifiedOrg("ENTERPRISE");
        Fixtures.Org second = fixtures.verifiedOrg("ENTERPRISE");
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> action = pool.submit(() -> transactions.executeWithoutResult(status -> {
                participants.permittedAll(List.of(actor(first), actor(second)), MarketAction.BID);
                checked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(checked.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Api.Response> suspension = pool.submit(() -> api.post(
                    "/api/v1/organizations/" + second.id() + "/suspension",
                    ADMIN_TOKEN,
                    Map.of("reason", "Unpaid venue fees")));
            Thread.sleep(500);
            assertThat(suspension)
                    .as("the suspension waits for the checked action")
                    .isNotDone();
            assertThat(status(second)).isEqualTo("VERIFIED");

            release.countDown();
            action.get(30, TimeUnit.SECONDS);
            assertThat(suspension.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(status(second)).isEqualTo("SUSPENDED");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private void refused(List<Actor> actors, String code) {
        assertThatThrownBy(() -> transactions.execute(status -> participants.permittedAll(actors, MarketAction.BID)))
                .isInstanceOfSatisfying(
                        Rejection.class, refusal -> assertThat(refusal.code()).isEqualTo(code));
    }

    private String status(Fixtures.Org org) {
        return jdbc.sql("select status from organization where id = ?")
                .param(org.id())
                .query(String.class)
                .single();
    }

    private static Actor actor(Fixtures.Org org) {
        return new Actor(org.adminId(), org.username(), Role.ORG_ADMIN, Optional.of(org.id()), Optional.empty());
    }
}
