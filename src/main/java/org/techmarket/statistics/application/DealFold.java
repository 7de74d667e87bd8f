package org.techmarket.statistics.application;

import java.time.Clock;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.techmarket.deal.DealMilestone;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.statistics.persistence.DealNotes;

/**
 * Counts deals' milestones in bulk. A completion or a registration notes its milestone in the step's own transaction,
 * as it commits: no event publication to record, mark and complete, and no transaction of its own after
 * the commit. A sweep ({@code statistics-deal-fold}) then folds the notes, a batch per transaction, each counted as
 * {@link StatisticsRecorder} counts a milestone (claimed by key first, so one a rebuild counted is not counted again)
 * and its note deleted with it. A fold that fails rolls all of that back and its notes wait for the next one; folds on
 * several nodes take different notes ({@code SKIP LOCKED}).
 */
@Component
class DealFold {

    /** The notes one batch folds at most. */
    static final int BATCH = 200;

    private final DealNotes notes;
    private final StatisticsRecorder recorder;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Sweep fold;

    DealFold(DealNotes notes, StatisticsRecorder recorder, BackgroundJobs jobs, Clock clock) {
        this.notes = notes;
        this.recorder = recorder;
        this.jobs = jobs;
        this.clock = clock;
        this.fold = Sweep.of("statistics-deal-fold", asOf -> Sweep.Swept.of(foldNext(), BATCH));
    }

    /**
     * Notes a deal's milestone in its step's transaction; it is counted by the next fold after the step commits. First
     * of what is written at commit, with the step's notices: before the ledger's postings lock the accounts every
     * completion credits, so the note adds nothing to the time they are held.
     */
    @Order(0)
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void note(DealMilestone milestone) {
        notes.note(milestone, clock.instant());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.statistics.deal-fold-interval:PT1S}",
            initialDelayString = "${techmarket.statistics.deal-fold-interval:PT1S}")
    void foldNoted() {
        foldAll();
    }

    /** Folds every note waiting now, batch after batch, each in a transaction of its own; returns how many. */
    int foldAll() {
        return jobs.sweep(fold, clock.instant());
    }

    /** Folds up to {@link #BATCH} notes in the caller's transaction; returns how many it took. */
    int foldNext() {
        List<DealMilestone> taken = notes.take(BATCH);
        taken.forEach(recorder::count);
        return taken.size();
    }
}
