package org.techmarket.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.persistence.AuditVerifier;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.RefusingTrigger;
import tools.jackson.databind.JsonNode;

class AuditIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    org.techmarket.audit.persistence.AuditSealer sealer;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyStateChangeIsRecordedAndTheChainVerifies() {
        long before = api.get("/api/v1/audit/verification", ADMIN_TOKEN)
                .json()
                .path("events")
                .asLong();
        Fixtures.Org org = fixtures.verifiedOrg("UNIVERSITY");
        fixtures.registerAsset(org, Fixtures.patentAsset(org.id(), Fixtures.uniqueCnPatentNumber()));

        Api.Response page = api.get("/api/v1/audit/events?after=" + before + "&limit=200", ADMIN_TOKEN);
        List<String> types = page.json().path("items").findValuesAsString("type");
        assertThat(types)
                .contains(
                        "OrganizationRegistered",
                        "UserAdded",
                        "TokenIssued",
                        "OrganizationVerified",
                        "AssetRegistered");
        JsonNode registered = page.json()
                .path("items")
                .valueStream()
                .filter(e -> e.path("subject").asString().equals("organization:" + org.id()))
                .findFirst()
                .orElseThrow();
        assertThat(registered.path("actor").asString()).isEqualTo("user:" + org.adminId());
        assertThat(registered.path("payload").path("type").asString()).isEqualTo("UNIVERSITY");

        Api.Response verification = api.get("/api/v1/audit/verification", ADMIN_TOKEN);
        assertThat(verification.json().path("valid").asBoolean()).isTrue();
        assertThat(verification.json().path("events").asLong()).isGreaterThan(before);
        assertThat(verification.text("headHash")).hasSize(64);
    }

    @Test
    void eventsCannotBeChangedAndATamperedChainFailsVerification() {
        fixtures.registerOrg("ENTERPRISE");
        verifier.sealAndVerify();
        long last = jdbc.sql("select max(sequence) from audit_event")
                .query(Long.class)
                .single();
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("update audit_event set actor = 'someone else' where sequence = ?")
                        .param(last)
                        .update());
        assertThat(refused).hasMessageContaining("append-only");

        transactions.executeWithoutResult(status -> {
            jdbc.sql("alter table audit_event disable trigger audit_event_append_only")
                    .update();
            jdbc.sql("update audit_event set payload = '{\"forged\":true}' where sequence = ?")
                    .param(last)
                    .update();
            AuditVerifier.Verification tampered = verifier.verify();
            assertThat(tampered.valid()).isFalse();
            assertThat(tampered.firstBreak().orElseThrow().sequence()).isEqualTo(last);
            status.setRollbackOnly();
        });
        assertThat(verifier.verify().valid()).isTrue();
    }

    @Test
    void concurrentAppendsAndSealersBuildOneDenseChain() throws Exception {
        int writers = 8;
        int eventsEach = 50;
        long before =
                jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 3);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < eventsEach; i++) {
                    int n = i;
                    transactions.executeWithoutResult(status -> auditLog.record(
                            "test:" + writer, "ChainRaceTested", "race:" + writer, java.util.Map.of("n", n)));
                }
                return null;
            }));
        }
        for (int s = 0; s < 3; s++) {
            boolean background = s % 2 == 0;
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 40; i++) {
                    if (background) {
                        sealer.sealInBackground();
                    } else {
                        sealer.sealCommitted();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        AuditVerifier.Verification verification = verifier.sealAndVerify();
        assertThat(verification.valid()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'ChainRaceTested' and sequence is null")
                        .query(Long.class)
                        .single())
                .isZero();
        long sealed = jdbc.sql("select count(*) from audit_event where sequence is not null")
                .query(Long.class)
                .single();
        assertThat(sealed - before).isGreaterThanOrEqualTo((long) writers * eventsEach);
        assertThat(jdbc.sql("select max(sequence) from audit_event")
                        .query(Long.class)
                        .single())
                .as("sequences are dense")
                .isEqualTo(sealed);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'ChainRaceTested'")
                        .query(Long.class)
                        .single())
                .isEqualTo((long) writers * eventsEach);
    }

    @Test
    void eventsPageInOrder() {
        fixtures.registerOrg("ENTERPRISE");
        Api.Response first = api.get("/api/v1/audit/events?limit=2", ADMIN_TOKEN);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        long next = first.json().path("nextAfter").asLong();
        Api.Response second = api.get("/api/v1/audit/events?limit=2&after=" + next, ADMIN_TOKEN);
        assertThat(second.json().path("items").get(0).path("sequence").asLong()).isEqualTo(next + 1);
        assertThat(second.json().path("items").get(0).path("previousHash").asString())
                .isEqualTo(first.json().path("items").get(1).path("hash").asString());
        assertThat(api.get("/api/v1/audit/events?after=-1", ADMIN_TOKEN).status())
                .isEqualTo(400);
    }

    @Test
    void aBlockThatCannotBeSealedHoldsSealingBackUntilItsNextAttemptAndIsCounted() {
        String blocked = "test:" + Fixtures.unique("unsealable");
        String later = "test:" + Fixtures.unique("later");
        double failedBefore = sealingFailures();
        try (RefusingTrigger refusing =
                RefusingTrigger.on(jdbc, "update", "audit_event", "old.subject = '" + blocked + "'")) {
            record(blocked);
            sealer.sealInBackground();
            assertThat(sequenceOf(blocked)).as("not sealed").isEmpty();
            assertThat(sealingFailures()).as("counted").isGreaterThan(failedBefore);
            assertThat(jdbc.sql("select last_error from job_failure where job = 'audit-sealing'")
                            .query(String.class)
                            .single())
                    .contains(RefusingTrigger.MESSAGE);

            record(later);
            sealer.sealInBackground();
            assertThat(sequenceOf(later))
                    .as("no event is sealed past one that could not be")
                    .isEmpty();
        }

        // Its next attempt has come (a background round may have failed once more just before the trigger went).
        for (int round = 0; round < 5 && sequenceOf(later).isEmpty(); round++) {
            jdbc.sql("update job_failure set next_attempt_at = now() - interval '1 second' where job = 'audit-sealing'")
                    .update();
            sealer.sealInBackground();
        }
        assertThat(sequenceOf(blocked)).isPresent();
        assertThat(sequenceOf(later).orElseThrow())
                .isGreaterThan(sequenceOf(blocked).orElseThrow());
        assertThat(jdbc.sql("select count(*) from job_failure where job = 'audit-sealing'")
                        .query(Long.class)
                        .single())
                .as("the failure is forgotten")
                .isZero();
        assertThat(verifier.sealAndVerify().valid()).isTrue();
    }

    @Test
    void eventsRecordedTogetherTakeTheirPlacesInTheirOrderAndARolledBackGroupLeavesNone() {
        String subject = Fixtures.unique("together");
        transactions.executeWithoutResult(status -> auditLog.recordAll(List.of(
                new AuditLog.Entry("first", "TogetherTested", subject, Map.of("n", 1)),
                new AuditLog.Entry("second", "TogetherTested", subject, Map.of("n", 2)),
                new AuditLog.Entry("third", "TogetherTested", subject, Map.of("n", 3)))));
        transactions.executeWithoutResult(status ->
                auditLog.recordAll(List.of(new AuditLog.Entry("alone", "TogetherTested", subject, Map.of("n", 4)))));
        transactions.executeWithoutResult(status -> {
            auditLog.recordAll(List.of(
                    new AuditLog.Entry("refused", "TogetherTested", subject, Map.of("n", 5)),
                    new AuditLog.Entry("refused too", "TogetherTested", subject, Map.of("n", 6))));
            status.setRollbackOnly();
        });

        assertThat(verifier.sealAndVerify().valid()).isTrue();
        assertThat(jdbc.sql("select actor || ' ' || payload from audit_event where subject = ? order by sequence")
                        .param(subject)
                        .query(String.class)
                        .list())
                .containsExactly("first {\"n\":1}", "second {\"n\":2}", "third {\"n\":3}", "alone {\"n\":4}");
    }

    @Test
    void anEventKeptForTheCommitIsAppendedWithTheNextOnesOrAtTheCommitAndARollbackKeepsNone() {
        String subject = Fixtures.unique("kept");
        transactions.executeWithoutResult(status -> {
            auditLog.recordByCommit(new AuditLog.Entry("kept", "KeptTested", subject, Map.of("n", 1)));
            assertThat(events(subject)).as("kept until the next events").isZero();
            auditLog.record("next", "KeptTested", subject, Map.of("n", 2));
            assertThat(events(subject))
                    .as("appended before the next one, together")
                    .isEqualTo(2);
        });
        transactions.executeWithoutResult(status -> {
            auditLog.recordByCommit(new AuditLog.Entry("first kept", "KeptTested", subject, Map.of("n", 3)));
            auditLog.recordByCommit(new AuditLog.Entry("second kept", "KeptTested", subject, Map.of("n", 4)));
        });
        transactions.executeWithoutResult(status -> {
            auditLog.recordByCommit(new AuditLog.Entry("rolled back", "KeptTested", subject, Map.of("n", 5)));
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status ->
                auditLog.recordAll(List.of(new AuditLog.Entry("later", "KeptTested", subject, Map.of("n", 6)))));

        assertThat(verifier.sealAndVerify().valid()).isTrue();
        assertThat(jdbc.sql("select actor || ' ' || payload from audit_event where subject = ? order by sequence")
                        .param(subject)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "kept {\"n\":1}",
                        "next {\"n\":2}",
                        "first kept {\"n\":3}",
                        "second kept {\"n\":4}",
                        "later {\"n\":6}");
    }

    private long events(String subject) {
        return jdbc.sql("select count(*) from audit_event where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private void record(String subject) {
        transactions.executeWithoutResult(status -> auditLog.record(subject, "SealingTested", subject, Map.of()));
    }

    private java.util.Optional<Long> sequenceOf(String subject) {
        return java.util.Optional.ofNullable(jdbc.sql("select sequence from audit_event where subject = ?")
                .param(subject)
                .query(Long.class)
                .list()
                .get(0));
    }

    private double sealingFailures() {
        return meters.counter("techmarket.jobs.items", "job", "audit-sealing", "outcome", "failed")
                .count();
    }
}
