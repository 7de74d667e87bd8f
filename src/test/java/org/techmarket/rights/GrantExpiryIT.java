package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;
import static org.techmarket.rights.RightsKit.reasons;
import static org.techmarket.rights.RightsKit.with;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.techmarket.rights.application.GrantExpiry;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;

/**
 * Grants whose term has run out: they read EXPIRED from their end day on, block nothing, and the expiry job records
 * EXPIRED on each exactly once, however many runs claim at the same moment. The grants are made with the clock moved
 * back, so that their terms have really ended today.
 */
@Import(MovableClockConfiguration.class)
@RecordApplicationEvents
class GrantExpiryIT extends IntegrationTest {

    private static final int DAYS_AGO = 400;
    private static final LocalDate THEN = TODAY.minusDays(DAYS_AGO);

    @Autowired
    MovableClock clock;

    @Autowired
    GrantExpiry expiry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private RightsKit kit;
    private Fixtures.Org owner;
    private Fixtures.Org licensee;
    private String patent;

    @BeforeEach
    void aPatent() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        licensee = kit.verified("ENTERPRISE");
        patent = kit.patent(owner);
    }

    @Test
    void aGrantReadsExpiredFromItsEndDayOnBeforeTheJobRecordsItOnce() {
        String ended = grantedThen(grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN", THEN, THEN.plusDays(200)));
        String endsToday = grantedThen(grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "B25J", "CN", THEN, TODAY));
        String endsTomorrow =
                grantedThen(grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "B25J", "US", THEN, TODAY.plusDays(1)));

        assertThat(read(ended).text("status")).isEqualTo("EXPIRED");
        assertThat(read(endsToday).text("status")).isEqualTo("EXPIRED");
        assertThat(read(endsTomorrow).text("status")).isEqualTo("ACTIVE");
        assertThat(read(ended).header("ETag")).isEqualTo("\"1\"");
        assertThat(storedStatus(ended)).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/assets/" + patent + "/grants", owner.token())
                        .json()
                        .path("items")
                        .findValuesAsString("status"))
                .containsExactly("EXPIRED", "EXPIRED", "ACTIVE");

        assertThat(expiry.expireDue(TODAY)).isGreaterThanOrEqualTo(2);

        assertThat(storedStatus(ended)).isEqualTo("EXPIRED");
        assertThat(storedStatus(endsToday)).isEqualTo("EXPIRED");
        assertThat(storedStatus(endsTomorrow)).isEqualTo("ACTIVE");
        assertThat(read(ended).text("status")).isEqualTo("EXPIRED");
        assertThat(read(ended).header("ETag")).isEqualTo("\"2\"");
        assertThat(expiredEvents(ended)).isEqualTo(1);
        assertThat(events.stream(GrantExpired.class).filter(e -> e.grantId().equals(endsToday)))
                .containsExactly(new GrantExpired(endsToday, patent, TODAY));

        assertThat(expiry.expireDue(TODAY)).isZero();
        assertThat(expiredEvents(ended)).isEqualTo(1);
        assertThat(expiredEvents(endsTomorrow)).isZero();
    }

    @Test
    void anExpiredExclusiveLicenceBlocksNothingBeforeAndAfterTheJob() {
        grantedThen(grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN", THEN, TODAY));
        Fixtures.Org next = kit.verified("ENTERPRISE");
        Api.Response check = kit.check(owner.token(), patent, grant("EXCLUSIVE_LICENCE", next.id(), "G06N", "CN"));
        assertThat(check.json().path("grantable").asBoolean()).as(check.text()).isTrue();

        expiry.expireDue(TODAY);

        assertThat(kit.grant(owner, patent, grant("EXCLUSIVE_LICENCE", next.id(), "G06N", "CN"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anExpiredGrantCannotBeTerminatedNorSublicensedAndNothingChanges() {
        String ended = grantedThen(with(
                grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN", THEN, TODAY.minusDays(1)),
                "sublicensable",
                true));

        Api.Response terminated = kit.terminate(owner.token(), ended, "Too late", TODAY);
        assertThat(terminated.status()).as(terminated.text()).isEqualTo(409);
        assertThat(terminated.code()).isEqualTo("INVALID_STATUS_TRANSITION");

        Fixtures.Org supplier = kit.verified("ENTERPRISE");
        Api.Response sublicence = kit.grant(
                licensee,
                patent,
                with(
                        grant("NON_EXCLUSIVE_LICENCE", supplier.id(), "G06N", "440300", TODAY, TODAY.plusYears(1)),
                        "parentGrantId",
                        ended));
        assertThat(sublicence.status()).isEqualTo(409);
        assertThat(reasons(sublicence)).contains("NOT_SUBLICENSABLE", "SUBLICENCE_OUTSIDE_SCOPE");

        assertThat(storedStatus(ended)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from rights_grant where asset_id = ?")
                        .param(patent)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void twoExpiryRunsAtOnceExpireEachGrantOnce() throws Exception {
        List<String> due = new ArrayList<>();
        clock.shift(Duration.ofDays(-DAYS_AGO));
        try {
            for (int i = 0; i < 60; i++) {
                due.add(kit.granted(
                        owner,
                        patent,
                        grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN", THEN, THEN.plusDays(1 + i % 30))));
            }
        } finally {
            clock.shift(Duration.ZERO);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> {
                start.await();
                return expiry.expireDue(TODAY);
            };
            Future<Integer> first = pool.submit(run);
            Future<Integer> second = pool.submit(run);
            start.countDown();
            assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(due.size());
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.sql("""
                select count(*) from rights_grant where asset_id = ? and status = 'EXPIRED' and version = 2""").param(patent).query(Long.class).single()).isEqualTo(due.size());
        assertThat(jdbc.sql("""
                select count(*) from audit_event where type = 'GrantExpired' and subject = any (?::text[])""")
                        .param(due.stream().map(id -> "grant:" + id).toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(due.size());
        assertThat(expiry.expireDue(TODAY)).isZero();
    }

    /** Grants with the clock moved back {@link #DAYS_AGO} days, so that a term starting {@link #THEN} is not past. */
    private String grantedThen(java.util.Map<String, Object> body) {
        clock.shift(Duration.ofDays(-DAYS_AGO));
        try {
            return kit.granted(owner, patent, body);
        } finally {
            clock.shift(Duration.ZERO);
        }
    }

    private Api.Response read(String grantId) {
        Api.Response response = api.get("/api/v1/grants/" + grantId, licensee.token());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }

    private String storedStatus(String grantId) {
        return jdbc.sql("select status from rights_grant where id = ?")
                .param(grantId)
                .query(String.class)
                .single();
    }

    private long expiredEvents(String grantId) {
        return jdbc.sql("select count(*) from audit_event where type = 'GrantExpired' and subject = ?")
                .param("grant:" + grantId)
                .query(Long.class)
                .single();
    }
}
