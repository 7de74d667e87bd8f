package org.techmarket.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.participant.application.LoginThrottling;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;
import org.techmarket.support.RefusingTrigger;

/**
 * Password guessing is slowed down and stopped: per account name and per client address, with a growing back-off
 * (429 {@code TOO_MANY_ATTEMPTS} with {@code Retry-After}) and a lock after ten failures in a row (429
 * {@code ACCOUNT_LOCKED}) until its time passes or an admin lifts it. The tests' back-off starts at one minute and the
 * clock is moved past it. All tests log in from 127.0.0.1, so each test forgets that address's failures afterwards.
 */
@Import(MovableClockConfiguration.class)
class LoginThrottlingIT extends IntegrationTest {

    private static final String RIGHT = "right password 42";
    private static final String WRONG = "wrong password 42";

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginThrottling throttling;

    @Autowired
    MeterRegistry meters;

    private Duration shifted = Duration.ZERO;

    @BeforeEach
    @AfterEach
    void forgetTheTestAddressAndTheClock() {
        clock.shift(Duration.ZERO);
        jdbc.sql("delete from login_throttle where key like 'address:%'").update();
    }

    @Test
    void idleNamesAreForgottenInBatchesAndABatchThatCannotBeDeletedIsRetriedAndCounted() {
        // In microseconds, as the database keeps the next attempt's time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String idle = "account:" + Fixtures.unique("idle");
        String broken = "account:" + Fixtures.unique("broken");
        String recent = "account:" + Fixtures.unique("recent");
        for (String key : List.of(idle, broken)) {
            throttleRow(key, now.minus(Duration.ofHours(2)));
        }
        throttleRow(recent, now.minus(Duration.ofMinutes(10)));
        double failedBefore = cleanupFailures();

        try (RefusingTrigger refusing =
                RefusingTrigger.on(jdbc, "delete", "login_throttle", "old.key = '" + broken + "'")) {
            assertThat(throttling.forgetIdleAt(now)).isZero();
            assertThat(throttleKeys(idle, broken, recent))
                    .as("the batch rolled back as a whole")
                    .containsExactlyInAnyOrder(idle, broken, recent);
            assertThat(cleanupFailures()).isEqualTo(failedBefore + 1);
            assertThat(throttling.forgetIdleAt(now.plusSeconds(9)))
                    .as("waits for its next attempt")
                    .isZero();
            assertThat(cleanupFailures()).isEqualTo(failedBefore + 1);
        }

        assertThat(throttling.forgetIdleAt(now.plusSeconds(10))).isGreaterThanOrEqualTo(2);
        assertThat(throttleKeys(idle, broken, recent))
                .as("idle for an hour: forgotten")
                .containsExactly(recent);
        assertThat(jdbc.sql("select count(*) from job_failure where job = 'login-throttle-cleanup'")
                        .query(Long.class)
                        .single())
                .as("the failure is forgotten")
                .isZero();
        jdbc.sql("delete from login_throttle where key = ?").param(recent).update();
    }

    private void throttleRow(String key, Instant lastAttempt) {
        jdbc.sql("insert into login_throttle (key, failures, last_attempt_at) values (?, 3, ?)")
                .params(key, java.sql.Timestamp.from(lastAttempt))
                .update();
    }

    private List<String> throttleKeys(String... keys) {
        return jdbc.sql("select key from login_throttle where key in (?, ?, ?)")
                .params((Object[]) keys)
                .query(String.class)
                .list();
    }

    private double cleanupFailures() {
        return meters.counter("techmarket.jobs.items", "job", "login-throttle-cleanup", "outcome", "failed")
                .count();
    }

    @Test
    void fortyWrongPasswordsInARowDoNotLetTheRightOneThrough() {
        Member member = member();
        for (int i = 1; i <= 6; i++) {
            assertThat(logIn(member.username(), WRONG).code())
                    .as("attempt %d", i)
                    .isEqualTo("INVALID_CREDENTIALS");
        }
        for (int i = 7; i <= 40; i++) {
            Api.Response refused = logIn(member.username(), WRONG);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.code()).isEqualTo("TOO_MANY_ATTEMPTS");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        }
        Api.Response right = logIn(member.username(), RIGHT);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(events("LOGIN_FAILED", member.id())).isEqualTo(6);
        assertThat(events("LOGIN_THROTTLED", member.id())).isEqualTo(35);

        // The back-off grows: one minute after the sixth failure, two after the seventh.
        moveClock(Duration.ofSeconds(61));
        assertThat(logIn(member.username(), WRONG).status()).isEqualTo(401);
        Api.Response second = logIn(member.username(), WRONG);
        assertThat(second.status()).isEqualTo(429);
        assertThat(Long.parseLong(second.header("Retry-After"))).isBetween(61L, 120L);

        // After waiting, the right password logs in and the account's count starts afresh.
        moveClock(Duration.ofMinutes(3));
        assertThat(logIn(member.username(), RIGHT).status()).isEqualTo(201);
        for (int i = 1; i <= 5; i++) {
            assertThat(logIn(member.username(), WRONG).status()).isEqualTo(401);
        }
    }

    @Test
    void tenFailuresLockTheAccountUntilAnAdminOfItsOrganizationUnlocksIt() {
        Member member = member();
        failUntilLocked(member.username());

        Api.Response locked = logIn(member.username(), RIGHT);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1700L, 1800L);

        Fixtures.Org stranger = fixtures.registerOrg("ENTERPRISE");
        assertThat(api.post("/api/v1/users/" + member.id() + "/unlock", stranger.token(), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/users/" + Fixtures.unique("nobody") + "/unlock",
                                member.admin().token(),
                                Map.of())
                        .status())
                .isEqualTo(404);
        Api.Response unlocked = api.post(
                "/api/v1/users/" + member.id() + "/unlock", member.admin().token(), Map.of());
        assertThat(unlocked.status()).as(unlocked.text()).isEqualTo(200);
        assertThat(unlocked.json().path("wasLocked").asBoolean()).isTrue();

        assertThat(logIn(member.username(), RIGHT).status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'AccountUnlocked' and subject = ?")
                        .param("user:" + member.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLockRunsOutByItselfAndAnOperatorMayLiftOneToo() {
        Member first = member();
        failUntilLocked(first.username());
        moveClock(Duration.ofMinutes(31));
        assertThat(logIn(first.username(), RIGHT).status()).isEqualTo(201);

        Member second = member();
        failUntilLocked(second.username());
        assertThat(api.post("/api/v1/users/" + second.id() + "/unlock", ADMIN_TOKEN, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(logIn(second.username(), RIGHT).status()).isEqualTo(201);
    }

    @Test
    void anUnknownUsernameIsThrottledAndLockedLikeAKnownOne() {
        String nobody = Fixtures.unique("nobody");
        for (int i = 1; i <= 6; i++) {
            Api.Response refused = logIn(nobody, WRONG);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(logIn(nobody, WRONG).code()).isEqualTo("TOO_MANY_ATTEMPTS");
        failUntilLocked(nobody);
        assertThat(logIn(nobody, WRONG).code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void aNameWithANulCharacterIsBadInputNotADatabaseError() {
        Member member = member();
        Api.Response refused = logIn(member.username() + "\u0000", RIGHT);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_CHARACTERS");
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("username");
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledToo() {
        Member member = member();
        for (int i = 1; i <= 21; i++) {
            assertThat(logIn(Fixtures.unique("guess"), WRONG).status())
                    .as("attempt %d", i)
                    .isEqualTo(401);
        }
        Api.Response refused = logIn(Fixtures.unique("guess"), WRONG);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(refused.header("Retry-After")).isNotNull();

        // The right password is refused too while the address backs off; time lets it through.
        assertThat(logIn(member.username(), RIGHT).status()).isEqualTo(429);
        clock.shift(Duration.ofSeconds(61));
        assertThat(logIn(member.username(), RIGHT).status()).isEqualTo(201);
        // A success does not clear the address's failures: the next wrong name backs it off again.
        assertThat(logIn(Fixtures.unique("guess"), WRONG).status()).isEqualTo(401);
        assertThat(logIn(Fixtures.unique("guess"), WRONG).code()).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    void manyConcurrentWrongPasswordsLetNoMoreThroughThanTheLimitAndStillLockTheAccount() throws Exception {
        Member member = member();
        List<Api.Response> first = race(member.username(), 30);
        assertThat(first.stream().filter(r -> r.status() == 401).count()).isEqualTo(6);
        assertThat(first.stream().filter(r -> r.status() == 429).count()).isEqualTo(24);

        // Three more failures, each after its back-off, bring the account to nine.
        for (int i = 0; i < 3; i++) {
            moveClock(Duration.ofMinutes(20));
            assertThat(logIn(member.username(), WRONG).status()).isEqualTo(401);
        }
        moveClock(Duration.ofMinutes(20));
        List<Api.Response> last = race(member.username(), 20);
        assertThat(last.stream().filter(r -> r.status() == 401).count()).isEqualTo(1);
        assertThat(last.stream().filter(r -> r.status() == 429).count()).isEqualTo(19);
        assertThat(logIn(member.username(), RIGHT).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(events("ACCOUNT_LOCKED", member.id())).isEqualTo(1);
    }

    private List<Api.Response> race(String username, int attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return logIn(username, WRONG);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fails, moving the clock past each back-off, until the account name is locked (ten failures in a row). */
    private void failUntilLocked(String username) {
        for (int i = 0; i < 30; i++) {
            Api.Response response = logIn(username, WRONG);
            if ("ACCOUNT_LOCKED".equals(response.code())) {
                return;
            }
            assertThat(response.status()).as(response.text()).isIn(401, 429);
            if (response.status() == 429) {
                moveClock(Duration.ofMinutes(16));
            }
        }
        throw new AssertionError(username + " was never locked");
    }

    private long events(String type, String userId) {
        return jdbc.sql("select count(*) from security_event where type = ? and user_id = ?")
                .params(type, userId)
                .query(Long.class)
                .single();
    }

    private void moveClock(Duration by) {
        shifted = shifted.plus(by);
        clock.shift(shifted);
        // The address's back-off is not what these steps are about.
        jdbc.sql("delete from login_throttle where key like 'address:%'").update();
    }

    private Api.Response logIn(String username, String password) {
        return api.post("/api/v1/tokens", null, Map.of("username", username, "password", password));
    }

    private record Member(String id, String username, Fixtures.Org admin) {}

    private Member member() {
        Fixtures.Org org = fixtures.registerOrg("ENTERPRISE");
        String username = Fixtures.unique("member");
        Api.Response added = api.post(
                "/api/v1/organizations/" + org.id() + "/users",
                org.token(),
                Map.of("username", username, "password", RIGHT, "role", "MEMBER"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return new Member(added.text("id"), username, org);
    }
}
