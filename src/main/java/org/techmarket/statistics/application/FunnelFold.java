package org.techmarket.statistics.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.statistics.domain.Counting;
import org.techmarket.statistics.persistence.FunnelNotes;
import org.techmarket.statistics.persistence.FunnelNotes.Note;
import org.techmarket.statistics.persistence.FunnelNotes.Taken;
import org.techmarket.statistics.persistence.ReadModel.Cohort;
import org.techmarket.statistics.persistence.ReadModel.FunnelStage;

/**
 * Counts listings' first bids in the funnel in bulk. A first bid notes its fact in its own transaction, as its last
 * write, in a row of its listing's own: no event publication to record, mark and complete, no transaction of its own
 * after the commit, and no wait for the cohort's one shared cell, which every first bid on the market would otherwise
 * lock in turn. A sweep ({@code statistics-funnel-fold}) then folds the notes, a batch per transaction: their facts
 * claimed by key (a fact an award or a rebuild counted already is not counted again), one upsert per cell for the
 * whole batch, and the notes deleted. A fold that fails rolls all of that back and its notes wait for the next one;
 * folds on several nodes take different notes ({@code SKIP LOCKED}).
 */
@Component
class FunnelFold {

    /** The notes one batch folds at most. */
    static final int BATCH = 500;

    private final FunnelNotes notes;
    private final Subjects subjects;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Sweep fold;

    FunnelFold(FunnelNotes notes, Subjects subjects, BackgroundJobs jobs, Clock clock) {
        this.notes = notes;
        this.subjects = subjects;
        this.jobs = jobs;
        this.clock = clock;
        this.fold = Sweep.of("statistics-funnel-fold", asOf -> Sweep.Swept.of(foldNext(asOf), BATCH));
    }

    /** Notes a listing's first bid in the bid's transaction; it is counted by the next fold after the bid commits. */
    @TransactionalEventListener(
            phase = TransactionPhase.BEFORE_COMMIT,
            fallbackExecution = true,
            condition = "#milestone.stage().name() == 'BID_ON'")
    void noteFirstBid(ListingMilestone milestone) {
        notes.note(
                new Note(
                        "listing:" + milestone.listingId() + ":BID_ON",
                        milestone.listingId(),
                        FunnelStage.BID_ON,
                        milestone.mechanism(),
                        Counting.monthOf(milestone.startsAt()),
                        milestone.assetIds().stream().findFirst()),
                clock.instant());
    }

    @Scheduled(
            fixedDelayString = "${techmarket.statistics.funnel-fold-interval:PT1S}",
            initialDelayString = "${techmarket.statistics.funnel-fold-interval:PT1S}")
    void foldNoted() {
        foldAll();
    }

    /** Folds every note waiting now, batch after batch, each in a transaction of its own; returns how many. */
    int foldAll() {
        return jobs.sweep(fold, clock.instant());
    }

    /** Folds up to {@link #BATCH} notes in the caller's transaction; returns how many it took. */
    int foldNext(Instant asOf) {
        List<Taken> taken = notes.take(BATCH);
        if (taken.isEmpty()) {
            return 0;
        }
        // A listing whose publication the read models have not counted yet gets its cohort from its first asset, as
        // the publication's own count would: whichever comes first remembers it.
        Map<String, Cohort> unknown = new LinkedHashMap<>();
        Map<String, Cohort> cohortOf = new HashMap<>();
        for (Taken t : taken) {
            Note note = t.note();
            Cohort cohort = t.cohort()
                    .orElseGet(() -> unknown.computeIfAbsent(
                            note.listingId(),
                            listing -> new Cohort(
                                    subjects.of(note.assetId().map(List::of).orElse(List.of()))
                                            .industry(),
                                    note.mechanism(),
                                    note.month())));
            cohortOf.put(note.key(), cohort);
        }
        // Keys first, then cohorts, then cells: the order an award's count takes them in, so neither waits for a row
        // the other holds while it holds one the other waits for.
        Set<String> fresh = notes.claimAll(cohortOf.keySet(), asOf);
        notes.rememberCohorts(unknown);
        Map<FunnelStage, Map<Cohort, Long>> counts = new LinkedHashMap<>();
        for (Taken t : taken) {
            if (fresh.contains(t.note().key())) {
                counts.computeIfAbsent(t.note().stage(), stage -> new LinkedHashMap<>())
                        .merge(cohortOf.get(t.note().key()), 1L, Long::sum);
            }
        }
        counts.forEach(notes::addToFunnel);
        notes.forget(cohortOf.keySet());
        return taken.size();
    }
}
