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
import org.techmarket.shared.Agency;
import org.techmarket.shared.Role;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Several organizations checked together for one action (a group of bids): each is permitted or refused as it would be
 * alone, a refusal refuses no other and leaves the caller's transaction free to commit, and a suspension of any of them
 * waits until the checked actions have committed.
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

        Participants.Permissions permissions = transactions.execute(status ->
                participants.permittedEach(List.of(actor(first), actor(second), actor(first)), MarketAction.BID));
        assertThat(permissions.permitted()).containsOnlyKeys(first.id(), second.id());
        assertThat(permissions.permitted().get(second.id()).id()).isEqualTo(second.id());
        assertThat(permissions.refused()).isEmpty();

        Actor nobody = new Actor("nobody", "nobody", Role.MEMBER, Optional.of("no-such"), Optional.empty());
        // One call, in a transaction that then writes and commits: the refusals fail neither the others nor it.
        Participants.Permissions mixed = transactions.execute(status -> {
            Participants.Permissions checked = participants.permittedEach(
                    List.of(actor(first), actor(suspended), actor(pending), nobody, actor(second)), MarketAction.BID);
            jdbc.sql("update organization set updated_at = updated_at where id = ?")
                    .param(first.id())
                    .update();
            return checked;
        });
        assertThat(mixed.permitted()).containsOnlyKeys(first.id(), second.id());
        assertThat(mixed.refused()).containsOnlyKeys(suspended.id(), pending.id(), "no-such");
        assertThat(mixed.refused().get(suspended.id()).code()).isEqualTo("ORGANIZATION_SUSPENDED");
        assertThat(mixed.refused().get(pending.id()).code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");
        assertThat(mixed.refused().get("no-such").code()).isEqualTo("ORGANIZATION_NOT_FOUND");
    }

    @Test
    void aBrokerIsNotCheckedTogether() {
        Fixtures.Org first = fixtures.verifiedOrg("ENTERPRISE");
        Actor broker = actor(first).actingFor(new Agency("mandate-1", "broker-org", first.id()));
        assertThatThrownBy(() ->
                        transactions.execute(status -> participants.permittedEach(List.of(broker), MarketAction.BID)))
                .isInstanceOf(IllegalArgumentException.class);
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
                participants.permittedEach(List.of(actor(first), actor(second)), MarketAction.BID);
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
