package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.reasons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * Non-exclusive licences on one asset share its lock: they are recorded side by side, while an exclusive licence waits
 * for every one of them and is refused by those that committed first, or is recorded first and refuses them. A cause
 * still records one grant when its sharers race.
 */
class SharedLicenceLockIT extends IntegrationTest {

    private static final int RACERS = 12;

    @Autowired
    RightsRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    private RightsKit kit;
    private Fixtures.Org owner;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        patent = kit.patent(owner);
    }

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void aNonExclusiveLicenceIsRecordedWhileAnotherIsOpenAndAnExclusiveOneWaitsForBothAndIsRefused() throws Exception {
        Fixtures.Org first = kit.verified("ENTERPRISE");
        Fixtures.Org second = kit.verified("ENTERPRISE");
        Fixtures.Org exclusive = kit.verified("ENTERPRISE");
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<GrantSummary> open = pool.submit(() -> new TransactionTemplate(transactionManager).execute(tx -> {
            GrantSummary grant = nonExclusive(Fixtures.unique("deal"), first);
            recorded.countDown();
            await(commit);
            return grant;
        }));
        assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();

        // the first licence's transaction still holds the asset's lock, shared
        GrantSummary beside =
                pool.submit(() -> nonExclusive(Fixtures.unique("deal"), second)).get(30, TimeUnit.SECONDS);
        Future<Throwable> waiting = pool.submit(() -> catchThrowableOfType(
                RuntimeException.class,
                () -> registry.record(
                        Fixtures.unique("deal"),
                        patent,
                        Set.of(owner.id()),
                        terms(GrantKind.EXCLUSIVE_LICENCE, exclusive.id()))));
        assertThat(catchThrowableOfType(TimeoutException.class, () -> waiting.get(1, TimeUnit.SECONDS)))
                .as("the exclusive licence waits for the open non-exclusive one")
                .isNotNull();
        commit.countDown();

        assertThat(open.get(30, TimeUnit.SECONDS).status()).isEqualTo("ACTIVE");
        assertThat(beside.status()).isEqualTo("ACTIVE");
        Throwable refused = waiting.get(30, TimeUnit.SECONDS);
        assertThat(refused).isInstanceOf(Rejection.class);
        assertThat(((org.techmarket.shared.Rejection) refused).code()).isEqualTo("RIGHTS_CONFLICT");
        assertThat(grantsOf("NON_EXCLUSIVE_LICENCE")).isEqualTo(2);
        assertThat(grantsOf("EXCLUSIVE_LICENCE")).isZero();
    }

    @Test
    void ofElevenNonExclusiveLicencesAndOneExclusiveFiredAtOnceEitherTheExclusiveOrAllTheOthersAreRecorded()
            throws Exception {
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS - 1; i++) {
            Fixtures.Org licensee = kit.verified("ENTERPRISE");
            racers.add(() -> nonExclusive(Fixtures.unique("deal"), licensee));
        }
        Fixtures.Org hopeful = kit.verified("ENTERPRISE");
        racers.add(() -> kit.grant(owner, patent, RightsKit.grant("EXCLUSIVE_LICENCE", hopeful.id(), "G06N", "CN")));

        List<Object> outcomes = race(racers);

        long licences = grantsOf("NON_EXCLUSIVE_LICENCE");
        long exclusives = grantsOf("EXCLUSIVE_LICENCE");
        var answer = (org.techmarket.support.Api.Response) outcomes.get(RACERS - 1);
        if (exclusives == 1) {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(licences)
                    .as("every licence waited for the exclusive one and met it")
                    .isZero();
            assertThat(outcomes.subList(0, RACERS - 1))
                    .allSatisfy(outcome -> assertThat(outcome)
                            .isInstanceOfSatisfying(
                                    Rejection.class,
                                    refused -> assertThat(refused.code()).isEqualTo("RIGHTS_CONFLICT")));
        } else {
            assertThat(answer.status()).as(answer.text()).isEqualTo(409);
            assertThat(reasons(answer)).containsOnly("EXCLUSIVE_OVERLAP");
            assertThat(licences).as("no licence met an exclusive one").isEqualTo(RACERS - 1);
            assertThat(outcomes.subList(0, RACERS - 1))
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(GrantSummary.class));
        }
    }

    @Test
    void sharersRecordingOneCauseAtOnceRecordOneGrant() throws Exception {
        Fixtures.Org licensee = kit.verified("ENTERPRISE");
        String deal = Fixtures.unique("deal");
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(() -> nonExclusive(deal, licensee));
        }

        List<Object> outcomes = race(racers);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(GrantSummary.class));
        assertThat(outcomes.stream().map(g -> ((GrantSummary) g).id()).distinct())
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from rights_grant where cause_id = ?")
                        .param(deal)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void termsOfAnotherKindThanAnnouncedAreRefusedBeforeAnythingIsRecorded() {
        Fixtures.Org licensee = kit.verified("ENTERPRISE");
        String deal = Fixtures.unique("deal");

        IllegalArgumentException refused = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> registry.recordByOwners(
                        deal,
                        patent,
                        GrantKind.NON_EXCLUSIVE_LICENCE,
                        asset -> terms(GrantKind.EXCLUSIVE_LICENCE, licensee.id())));

        assertThat(refused).hasMessageContaining("EXCLUSIVE_LICENCE");
        assertThat(grantsOf("EXCLUSIVE_LICENCE")).isZero();
    }

    private GrantSummary nonExclusive(String cause, Fixtures.Org licensee) {
        return registry.recordByOwners(
                cause,
                patent,
                GrantKind.NON_EXCLUSIVE_LICENCE,
                asset -> terms(GrantKind.NON_EXCLUSIVE_LICENCE, licensee.id()));
    }

    private long grantsOf(String type) {
        return jdbc.sql("select count(*) from rights_grant where asset_id = ? and type = ?")
                .params(patent, type)
                .query(Long.class)
                .single();
    }

    /** Starts every racer at once; each outcome is its answer or the exception it ended with. */
    private List<Object> race(List<Callable<Object>> racers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> racer : racers) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return racer.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            try {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            }
        }
        return outcomes;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static GrantTerms terms(GrantKind kind, String grantee) {
        return new GrantTerms(
                kind,
                grantee,
                new GrantScope(List.of("G06N"), List.of("CN"), TODAY, TODAY.plusYears(3)),
                false,
                false,
                Optional.empty());
    }
}
