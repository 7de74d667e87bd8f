package org.techmarket.financing.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.techmarket.audit.AuditLog;
import org.techmarket.financing.FinancingOfferExpired;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.persistence.FinancingRequests;
import org.techmarket.shared.Actor;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Marks lenders' offers EXPIRED once their time has run out, and tells each lender. Every node runs it through
 * {@link BackgroundJobs}; each offer is claimed together with its request ({@code SKIP LOCKED}), so an acceptance of
 * the same request is either first or sees the offer expired. The request stays OPEN and takes new offers.
 */
@Component
public class LoanOfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(LoanOfferExpiry.class);

    private final FinancingRequests requests;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Job expiry;

    LoanOfferExpiry(
            FinancingRequests requests,
            AuditLog audit,
            ApplicationEventPublisher events,
            BackgroundJobs jobs,
            Clock clock) {
        this.requests = requests;
        this.audit = audit;
        this.events = events;
        this.jobs = jobs;
        this.clock = clock;
        this.expiry = Job.of("loan-offer-expiry", requests::runOutOfferIds, this::expire);
    }

    @Scheduled(
            fixedDelayString = "${techmarket.financing.offer-expiry-interval:PT1M}",
            initialDelayString = "${techmarket.financing.offer-expiry-interval:PT1M}")
    void expireRunOutOffers() {
        int expired = expireDue(clock.instant());
        if (expired > 0) {
            log.info("Expired {} financing offers whose time had run out", expired);
        }
    }

    /** Expires every offer run out at {@code asOf}, one transaction each; returns how many this call expired. */
    public int expireDue(Instant asOf) {
        return jobs.run(expiry, asOf);
    }

    private boolean expire(String offerId, Instant asOf) {
        Optional<LoanOffer> claimed = requests.claimRunOut(offerId, asOf);
        claimed.ifPresent(offer -> expire(offer, asOf));
        return claimed.isPresent();
    }

    private void expire(LoanOffer offer, Instant asOf) {
        requests.updateOffer(offer.expire(asOf));
        audit.record(
                Actor.SYSTEM.auditName(),
                FinancingEvents.FinancingOfferExpired,
                "financing-request:" + offer.requestId(),
                Map.of(
                        "offerId", offer.id(),
                        "lenderId", offer.lenderId(),
                        "validUntil", offer.validUntil().toString()));
        events.publishEvent(
                new FinancingOfferExpired(offer.id(), offer.requestId(), offer.lenderId(), offer.validUntil()));
    }
}
