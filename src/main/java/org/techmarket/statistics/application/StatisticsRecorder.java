package org.techmarket.statistics.application;

import java.time.Clock;
import java.time.Duration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.techmarket.deal.DealMilestone;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.rights.OpenLicenceTaken;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Money;
import org.techmarket.statistics.application.Subjects.Subject;
import org.techmarket.statistics.domain.Counting;
import org.techmarket.statistics.persistence.DealNotes;
import org.techmarket.statistics.persistence.ReadModel;
import org.techmarket.statistics.persistence.ReadModel.Cohort;
import org.techmarket.statistics.persistence.ReadModel.FunnelStage;

/**
 * Keeps the read models as the market moves: each event, after its transaction commits, is applied in a transaction
 * of its own, once, by the key of the fact it reports (a deal's milestones are noted in the step's transaction and
 * applied in batches by {@link DealFold}). An event delivered again (the registry retries until a
 * delivery commits) finds its key and changes nothing. The ids name the listeners in stored publications.
 */
@Component
class StatisticsRecorder {

    private final ReadModel readModel;
    private final Subjects subjects;
    private final RightsRegistry rights;
    private final Clock clock;

    StatisticsRecorder(ReadModel readModel, Subjects subjects, RightsRegistry rights, Clock clock) {
        this.readModel = readModel;
        this.subjects = subjects;
        this.rights = rights;
        this.clock = clock;
    }

    /** Counts a deal's milestone once, in the caller's transaction: {@link DealFold} folds the noted ones. */
    void count(DealMilestone milestone) {
        if (!claim(DealNotes.keyOf(milestone))) {
            return;
        }
        String industry = subjects.of(milestone.assetIds()).industry();
        String province = Counting.provinceOf(milestone.sellerRegion());
        if (milestone.stage() == DealMilestone.Stage.REGISTERED) {
            readModel.addRegistration(
                    industry,
                    province,
                    Counting.monthOf(milestone.at()),
                    milestone.mechanism(),
                    milestone.contractType(),
                    milestone.price().minor());
            return;
        }
        readModel.addDeal(
                industry,
                province,
                Counting.provinceOf(milestone.buyerRegion()),
                Counting.monthOf(milestone.at()),
                milestone.mechanism(),
                milestone.contractType(),
                milestone.price().minor());
        // A deal whose listing the funnel never saw (none, or one from before the read models) completes no cohort.
        milestone
                .listingId()
                .ifPresent(listing -> readModel.cohortOf(listing).ifPresent(cohort -> {
                    if (claim("listing:" + listing + ":COMPLETED")) {
                        readModel.addToFunnel(cohort, FunnelStage.COMPLETED);
                    }
                }));
    }

    /** A listing's publication and award; its first bid is noted in the bid and counted by {@link FunnelFold}. */
    @ApplicationModuleListener(
            id = "statistics.count.listing-milestone",
            condition = "#milestone.stage().name() != 'BID_ON'")
    void count(ListingMilestone milestone) {
        String listing = milestone.listingId();
        if (!claim("listing:" + listing + ":" + milestone.stage())) {
            return;
        }
        boolean awarded = milestone.stage() == ListingMilestone.Stage.AWARDED;
        // An award implies an accepted bid, offer or purchase, whether or not its first bid was reported. Every key
        // is claimed before any cell is touched: a first bid delivered at the same time then waits for this
        // transaction at its key, never while holding the cell this one needs.
        boolean impliedBid = awarded && claim("listing:" + listing + ":BID_ON");
        Subject subject = subjects.of(milestone.assetIds());
        Cohort cohort = new Cohort(subject.industry(), milestone.mechanism(), Counting.monthOf(milestone.startsAt()));
        readModel.rememberCohort(listing, cohort);
        readModel.addToFunnel(cohort, FunnelStage.valueOf(milestone.stage().name()));
        if (impliedBid) {
            readModel.addToFunnel(cohort, FunnelStage.BID_ON);
        }
        if (!awarded) {
            return;
        }
        readModel.addSale(new ReadModel.Sale(
                subject.industry(),
                subject.assetKind(),
                milestone.mechanism(),
                Counting.monthOf(milestone.at()),
                milestone.price().map(Money::minor).orElse(0L),
                milestone.startPrice().minor(),
                milestone.reservePrice().map(Money::minor),
                Duration.between(milestone.startsAt(), milestone.at()).getSeconds()));
    }

    @ApplicationModuleListener(id = "statistics.count.open-licence-taken")
    void count(OpenLicenceTaken taken) {
        if (!claim("open-licence:" + taken.grantId())) {
            return;
        }
        rights.find(taken.grantId())
                .ifPresent(grant -> readModel.addOpenLicence(
                        subjects.of(java.util.List.of(taken.assetId())).industry(),
                        Counting.monthOf(grant.createdAt()),
                        taken.amountDue().minor()));
    }

    private boolean claim(String key) {
        return readModel.claim(key, clock.instant());
    }
}
