package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.persistence.DealDeliveries;
import org.techmarket.deal.persistence.DealRow;
import org.techmarket.deal.persistence.Deals;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.Ledger;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Ends a deal early. Before escrow holds money (DRAFT, SIGNING, SIGNED) either party, or an operator of the deal's
 * venue, may cancel it: a deposit still held for it goes back to the buyer. A completed licence may be terminated
 * from a date on; the licences the deal recorded in the rights registry end from that date too. Each locks the
 * deal row first.
 */
@Service
public class DealEnding {

    private static final int MAX_REASON = 2_000;

    private final Deals deals;
    private final Ledger ledger;
    private final DealJournal journal;
    private final Clock clock;
    private final DealDeliveries deliveries;
    private final RightsRegistry rights;

    DealEnding(Deals deals, Ledger ledger, DealJournal journal, Clock clock, DealDeliveries deliveries,
            RightsRegistry rights) {
        this.deals = deals;
        this.ledger = ledger;
        this.journal = journal;
        this.clock = clock;
        this.deliveries = deliveries;
        this.rights = rights;
    }

    @Transactional
    public DealRow cancel(Actor actor, String dealId, String reason) {
        requireReason(reason);
        DealRow deal = lockedForPartyOrOperator(actor, dealId);
        if (deal.status().holdsEscrow()) {
            // DISPUTED → CANCELLED is an operator's refund decision on the dispute, not a cancellation.
            throw Rejection.conflict("INVALID_STATUS_TRANSITION", "A deal that is " + deal.status()
                    + " holds money in escrow and cannot be cancelled");
        }
        Instant now = clock.instant();
        DealRow cancelled = deal.withStatus(deal.status().transitionTo(DealStatus.CANCELLED, deal.contractType()), now);
        Optional<Hold> deposit = deal.depositHoldId().flatMap(ledger::findHold)
                .filter(h -> h.organizationId().equals(deal.buyer().organizationId()) && h.remaining().isPositive()
                        && !h.isDue(now));
        Money released = deposit.map(Hold::remaining).orElse(Money.zero(deal.price().currency()));
        deposit.ifPresent(h -> ledger.release(actor, h.id()));
        deals.updateStatus(cancelled);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason.strip());
        details.put("from", deal.status().name());
        details.put("depositReleased", released.decimal());
        journal.record(actor.auditName(), "DealCancelled", cancelled, now, details);
        return cancelled;
    }

    @Transactional
    public DealRow terminate(Actor actor, String dealId, String reason, LocalDate effectiveOn) {
        requireReason(reason);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (effectiveOn == null || effectiveOn.isBefore(today)) {
            throw Rejection.invalid("INVALID_TERMINATION_DATE", "effectiveOn",
                    "the date the termination takes effect is required, today (" + today + ") or later");
        }
        DealRow deal = lockedForPartyOrOperator(actor, dealId);
        Instant now = clock.instant();
        DealRow terminated = deal.withStatus(deal.status().transitionTo(DealStatus.TERMINATED, deal.contractType()),
                now);
        deals.updateStatus(terminated);
        deliveries.grants(dealId).forEach(grant -> rights.endGrant(actor.auditName(), grant.grantId(),
                reason.strip(), effectiveOn));
        journal.record(actor.auditName(), "LicenceTerminated", terminated, now, Map.of("reason", reason.strip(),
                "effectiveOn", effectiveOn.toString()));
        return terminated;
    }

    private DealRow lockedForPartyOrOperator(Actor actor, String dealId) {
        DealRow deal = deals.lock(dealId).orElseThrow(() -> DealAccess.notFound(dealId));
        if (!mayEnd(actor, deal)) {
            throw DealAccess.notFound(dealId).hidingExisting();
        }
        return deal;
    }

    private static boolean mayEnd(Actor actor, DealRow deal) {
        if (actor.isOperator()) {
            return actor.venueId().map(deal.venueId()::equals).orElse(true);
        }
        return actor.organizationId().map(deal::isParty).orElse(false);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw Rejection.invalid("INVALID_REASON", "reason", "a reason of 1 to " + MAX_REASON
                    + " characters is required");
        }
    }
}
