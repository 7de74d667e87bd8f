package org.techmarket.surveillance.application;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;

/**
 * Every night every detector runs over the whole market, as one sweep of {@link BackgroundJobs}: a run that fails is
 * rolled back, recorded and retried like any job's item. Several nodes may run it at once; the alerts' unique
 * finding keys keep each finding raised once.
 */
@Component
class NightlyWatch {

    private static final Logger log = LoggerFactory.getLogger(NightlyWatch.class);

    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Sweep sweep;

    NightlyWatch(BackgroundJobs jobs, Watch watch, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        this.sweep = Sweep.of("surveillance-nightly", asOf -> Sweep.Swept.last(watch.watchWholeMarket()));
    }

    @Scheduled(cron = "${techmarket.surveillance.nightly-cron:0 0 2 * * *}", zone = "UTC")
    void watchNightly() {
        int raised = jobs.sweep(sweep, clock.instant());
        log.info("Nightly surveillance raised {} new alerts", raised);
    }
}
