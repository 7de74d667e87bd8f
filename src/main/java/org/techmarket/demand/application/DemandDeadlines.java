package org.techmarket.demand.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.demand.MilestoneDue;
import org.techmarket.demand.persistence.Challenges;
import org.techmarket.demand.persistence.Needs;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * The demand module's deadlines, on {@link BackgroundJobs}: a need still published at its deadline expires (a
 * challenge's held reward going back to the poster), and the developer of a won challenge hears once of each milestone
 * as its due date comes within the notice period ({@code techmarket.demand.milestone-notice-days}, 7 by default).
 */
@Component
public class DemandDeadlines {

    private static final Logger log = LoggerFactory.getLogger(DemandDeadlines.class);

    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job expiry;
    private final Job milestones;

    DemandDeadlines(
            NeedPosting posting,
            Needs needs,
            Challenges challenges,
            ApplicationEventPublisher events,
            BackgroundJobs jobs,
            Clock clock,
            @Value("${techmarket.demand.milestone-notice-days:7}") int noticeDays) {
        this.jobs = jobs;
        this.clock = clock;
        this.expiry = Job.of("need-expiry", needs::dueForExpiry, posting::expireIfDue);
        this.milestones = Job.of(
                "milestone-notice",
                (asOf, limit) -> challenges.milestonesDue(today(asOf).plusDays(noticeDays), limit),
                (item, asOf) -> {
                    String[] key = item.split("#");
                    return challenges
                            .claimDue(key[0], Integer.parseInt(key[1]))
                            .map(due -> {
                                events.publishEvent(new MilestoneDue(
                                        due.needId(),
                                        due.number(),
                                        due.title(),
                                        due.dueDate(),
                                        due.developerId(),
                                        due.dealId()));
                                challenges.noticed(due.needId(), due.number(), asOf);
                                return true;
                            })
                            .orElse(false);
                });
    }

    /** Expires the needs whose deadline has come by {@code asOf}; how many. */
    public int expireDue(Instant asOf) {
        return jobs.run(expiry, asOf);
    }

    /** Tells developers of the milestones due within the notice period at {@code asOf}; how many. */
    public int noticeMilestones(Instant asOf) {
        return jobs.run(milestones, asOf);
    }

    @Scheduled(
            fixedDelayString = "${techmarket.demand.expiry-interval:PT10S}",
            initialDelayString = "${techmarket.demand.expiry-interval:PT10S}")
    void expireDueNeeds() {
        int expired = expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} needs whose deadline had come", expired);
        }
    }

    @Scheduled(
            fixedDelayString = "${techmarket.demand.milestone-notice-interval:PT1M}",
            initialDelayString = "${techmarket.demand.milestone-notice-interval:PT1M}")
    void noticeDueMilestones() {
        noticeMilestones(clock.instant());
    }

    private static LocalDate today(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }
}
