package org.techmarket.statistics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.statistics.persistence.FunnelNotes;
import org.techmarket.statistics.persistence.FunnelNotes.Note;
import org.techmarket.statistics.persistence.ReadModel;
import org.techmarket.statistics.persistence.ReadModel.FunnelStage;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;

/**
 * The funnel's first bids, noted in their bids and folded in bulk, are each counted once: by folds that race each
 * other (and the scheduled one), after a fold rolled back, and when the fact was counted before the fold came. Each
 * test counts in a cohort of its own (a mechanism no listing has, in a month long past), so what other tests and the
 * scheduled fold do elsewhere meanwhile changes nothing it reads.
 */
class FunnelFoldIT extends IntegrationTest {

    private static final LocalDate MONTH = LocalDate.of(1999, 1, 1);

    @Autowired
    private FunnelFold fold;

    @Autowired
    private FunnelNotes notes;

    @Autowired
    private ReadModel readModel;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void notesFoldedByFoldsThatRaceAreEachCountedOnce() throws Exception {
        String mechanism = Fixtures.unique("RACE");
        List<Note> noted = noteCommitted(mechanism, 300);
        Race.race(4, racer -> fold::foldAll);
        awaitFolded(mechanism);
        assertThat(bidOn(mechanism)).as("each of 300 first bids counted once").isEqualTo(300);
        assertThat(applied(noted)).as("each fact claimed once").isEqualTo(300);
        assertThat(jdbc.sql("select count(*) from stat_listing_cohort where mechanism = ? and industry = 'OTHER'")
                        .param(mechanism)
                        .query(Long.class)
                        .single())
                .as("a listing with no known asset remembered in the industry OTHER")
                .isEqualTo(300);
    }

    @Test
    void aFoldRolledBackCountsNothingAndItsNotesAreCountedByTheNext() {
        String mechanism = Fixtures.unique("UNDONE");
        transactions.executeWithoutResult(tx -> {
            note(mechanism, 5);
            Object beforeFold = tx.createSavepoint();
            fold.foldNext(Instant.now());
            assertThat(bidOn(mechanism)).as("counted inside the fold").isEqualTo(5);
            // The fold fails after all its writes: its claims, the cell and the deleted notes go back.
            tx.rollbackToSavepoint(beforeFold);
            assertThat(bidOn(mechanism)).isZero();
            assertThat(pending(mechanism)).isEqualTo(5);
        });
        fold.foldAll();
        awaitFolded(mechanism);
        assertThat(bidOn(mechanism)).isEqualTo(5);
    }

    @Test
    void aFactCountedBeforeTheFoldAndANoteTakenTwiceAreNotCountedAgain() {
        String mechanism = Fixtures.unique("BEFORE");
        List<Note> noted = noteCommitted(mechanism, 3);
        // As an award that implies the bid claims it, or an earlier fold.
        transactions.executeWithoutResult(tx -> readModel.claim(noted.get(0).key(), Instant.now()));
        // The same first bid noted again: one note.
        transactions.executeWithoutResult(tx -> notes.note(noted.get(1), Instant.now()));
        fold.foldAll();
        awaitFolded(mechanism);
        assertThat(bidOn(mechanism)).isEqualTo(2);
        fold.foldAll();
        assertThat(bidOn(mechanism))
                .as("a fold with nothing noted changes nothing")
                .isEqualTo(2);
    }

    private List<Note> noteCommitted(String mechanism, int count) {
        return transactions.execute(tx -> note(mechanism, count));
    }

    private List<Note> note(String mechanism, int count) {
        List<Note> noted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String listing = Fixtures.unique("listing");
            Note note = new Note(
                    "listing:" + listing + ":BID_ON", listing, FunnelStage.BID_ON, mechanism, MONTH, Optional.empty());
            notes.note(note, Instant.now());
            noted.add(note);
        }
        return noted;
    }

    private void awaitFolded(String mechanism) {
        Eventually.await("the notes folded", Duration.ofSeconds(30), () -> pending(mechanism) == 0);
    }

    private long pending(String mechanism) {
        return jdbc.sql("select count(*) from stat_funnel_pending where mechanism = ?")
                .param(mechanism)
                .query(Long.class)
                .single();
    }

    private long bidOn(String mechanism) {
        return jdbc.sql("select coalesce(sum(bid_on), 0) from stat_funnel_cell where mechanism = ? and month = ?")
                .params(mechanism, MONTH)
                .query(Long.class)
                .single();
    }

    private long applied(List<Note> noted) {
        return jdbc.sql("select count(*) from stat_applied_fact where key = any(?)")
                .param(noted.stream().map(Note::key).toArray(String[]::new))
                .query(Long.class)
                .single();
    }
}
