package org.techmarket.statistics.application;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.DealMilestone;
import org.techmarket.statistics.persistence.DealNotes;

/**
 * Takes over the deals' milestones that a market before V84 published to the statistics' listener
 * {@value #LISTENER_ID} and had not yet delivered when it stopped: once the market is ready, each is noted as a step
 * notes its milestone now and its publication completed, in one transaction, and the next fold counts it. No listener
 * has that id any more, so the registry would otherwise keep them undelivered for good.
 */
@Component
class LegacyDealMilestones {

    static final String LISTENER_ID = "statistics.count.deal-milestone";
    private static final PublicationTargetIdentifier LISTENER = PublicationTargetIdentifier.of(LISTENER_ID);

    private final EventPublicationRepository publications;
    private final DealNotes notes;
    private final Clock clock;

    LegacyDealMilestones(EventPublicationRepository publications, DealNotes notes, Clock clock) {
        this.publications = publications;
        this.notes = notes;
        this.clock = clock;
    }

    /** Notes every undelivered milestone of the former listener and completes its publication; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public int takeOver() {
        Instant now = clock.instant();
        int taken = 0;
        for (TargetEventPublication publication : publications.findIncompletePublications()) {
            if (publication.isIdentifiedBy(LISTENER) && publication.getEvent() instanceof DealMilestone milestone) {
                notes.note(milestone, now);
                publications.markCompleted(publication.getIdentifier(), now);
                taken++;
            }
        }
        return taken;
    }
}
