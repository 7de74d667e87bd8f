package org.techmarket.statistics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.deal.DealMilestone;
import org.techmarket.shared.Money;
import org.techmarket.statistics.persistence.DealNotes;
import org.techmarket.statistics.persistence.ReadModel;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;

/**
 * Deals' milestones, noted in their steps' transactions and folded in bulk, are each counted once: by folds that race
 * each other (and the scheduled one), after a fold rolled back, and when the fact was counted before the fold came; a
 * step rolled back notes nothing. Each test counts under a mechanism of its own in a month long past, so what other
 * tests and the scheduled fold do elsewhere meanwhile changes nothing it reads.
 */
class DealFoldIT extends IntegrationTest {

    private static final Instant LONG_AGO = Instant.parse("1999-01-15T08:00:00Z");

    @Autowired
    private DealFold fold;

    @Autowired
    private DealNotes notes;

    @Autowired
    private ReadModel readModel;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void milestonesPublishedInTheirStepsAreNotedAtCommitAndFoldedByFoldsThatRaceEachCountedOnce() throws Exception {
        String mechanism = Fixtures.unique("RACE");
        List<DealMilestone> published = transactions.execute(tx -> {
            List<DealMilestone> milestones = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                DealMilestone milestone = completed(mechanism);
                events.publishEvent(milestone);
                milestones.add(milestone);
            }
            assertThat(pending(mechanism))
                    .as("noted as the step commits, not before")
                    .isZero();
            return milestones;
        });
        Race.race(4, racer -> fold::foldAll);
        awaitFolded(mechanism);
        assertThat(deals(mechanism)).as("each of 250 completions counted once").isEqualTo(250);
        assertThat(value(mechanism)).as("at its price").isEqualTo(250 * 1_000_00L);
        assertThat(applied(published)).as("each fact claimed once").isEqualTo(250);
    }

    @Test
    void aStepRolledBackNotesNothing() {
        String mechanism = Fixtures.unique("ROLLED");
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(completed(mechanism));
            tx.setRollbackOnly();
        });
        fold.foldAll();
        assertThat(pending(mechanism)).isZero();
        assertThat(deals(mechanism)).isZero();
    }

    @Test
    void aFoldRolledBackCountsNothingAndItsNotesAreCountedByTheNext() {
        String mechanism = Fixtures.unique("UNDONE");
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 5; i++) {
                notes.note(completed(mechanism), Instant.now());
            }
            Object beforeFold = tx.createSavepoint();
            fold.foldNext();
            assertThat(deals(mechanism)).as("counted inside the fold").isEqualTo(5);
            assertThat(pending(mechanism)).as("taken by the fold").isZero();
            // The fold fails after all its writes: its claims, the cells and the deleted notes go back.
            tx.rollbackToSavepoint(beforeFold);
            assertThat(deals(mechanism)).isZero();
            assertThat(pending(mechanism)).isEqualTo(5);
        });
        fold.foldAll();
        awaitFolded(mechanism);
        assertThat(deals(mechanism)).isEqualTo(5);
    }

    @Test
    void aMilestoneCountedBeforeTheFoldAndOneNotedTwiceAreNotCountedAgain() {
        String mechanism = Fixtures.unique("BEFORE");
        DealMilestone counted = completed(mechanism);
        DealMilestone twice = completed(mechanism);
        DealMilestone registered = milestone(twice.dealId(), DealMilestone.Stage.REGISTERED, mechanism);
        // As a rebuild, or an earlier fold, claims it.
        transactions.executeWithoutResult(tx -> readModel.claim(DealNotes.keyOf(counted), Instant.now()));
        transactions.executeWithoutResult(tx -> {
            notes.note(counted, Instant.now());
            notes.note(twice, Instant.now());
            notes.note(twice, Instant.now());
            notes.note(registered, Instant.now());
        });
        fold.foldAll();
        awaitFolded(mechanism);
        assertThat(deals(mechanism)).as("the completion noted twice, once").isEqualTo(1);
        assertThat(registrations(mechanism))
                .as("its registration, a milestone of its own")
                .isEqualTo(1);
        fold.foldAll();
        assertThat(deals(mechanism))
                .as("a fold with nothing noted changes nothing")
                .isEqualTo(1);
    }

    private static DealMilestone completed(String mechanism) {
        return milestone(Fixtures.unique("deal"), DealMilestone.Stage.COMPLETED, mechanism);
    }

    private static DealMilestone milestone(String dealId, DealMilestone.Stage stage, String mechanism) {
        return new DealMilestone(
                dealId,
                stage,
                Optional.empty(),
                mechanism,
                "LICENCE",
                "110108",
                "310104",
                Money.cny(1_000_00),
                List.of(),
                LONG_AGO);
    }

    private void awaitFolded(String mechanism) {
        Eventually.await("the notes folded", Duration.ofSeconds(30), () -> pending(mechanism) == 0);
    }

    private long pending(String mechanism) {
        return jdbc.sql("select count(*) from stat_deal_pending where mechanism = ?")
                .param(mechanism)
                .query(Long.class)
                .single();
    }

    private long deals(String mechanism) {
        return sum("deals", mechanism);
    }

    private long value(String mechanism) {
        return sum("value", mechanism);
    }

    private long registrations(String mechanism) {
        return sum("registrations", mechanism);
    }

    private long sum(String column, String mechanism) {
        return jdbc.sql("select coalesce(sum(" + column + "), 0) from stat_deal_cell where mechanism = ?")
                .param(mechanism)
                .query(Long.class)
                .single();
    }

    private long applied(List<DealMilestone> milestones) {
        return jdbc.sql("select count(*) from stat_applied_fact where key = any(?)")
                .param(milestones.stream().map(DealNotes::keyOf).toArray(String[]::new))
                .query(Long.class)
                .single();
    }
}
