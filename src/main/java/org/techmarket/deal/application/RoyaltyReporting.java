package org.techmarket.deal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.deal.domain.Deal;
import org.techmarket.deal.domain.DealCodes;
import org.techmarket.deal.domain.DealEvent.RoyaltyReported;
import org.techmarket.deal.domain.DealStatus;
import org.techmarket.deal.domain.PaymentSchedule.RunningRoyalty;
import org.techmarket.deal.domain.RoyaltyPeriod;
import org.techmarket.deal.domain.RoyaltySchedule;
import org.techmarket.deal.domain.Settlement;
import org.techmarket.deal.persistence.RoyaltyReports;
import org.techmarket.deal.persistence.RoyaltyReports.Report;
import org.techmarket.deal.persistence.RoyaltyTerms;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The licensee of a completed running-royalty deal reports each ended period's revenue and pays the royalty due
 * (the rate on the revenue, at least the period's minimum) from its available funds to the licensor's, less the
 * venue fee, under the deal row's lock; each period is reported once.
 */
@Service
public class RoyaltyReporting {

    private final DealAccess access;
    private final RoyaltyTerms terms;
    private final RoyaltyReports reports;
    private final Ledger ledger;
    private final DealFeeRules settlement;
    private final DealJournal journal;
    private final Clock clock;

    RoyaltyReporting(
            DealAccess access,
            RoyaltyTerms terms,
            RoyaltyReports reports,
            Ledger ledger,
            DealFeeRules settlement,
            DealJournal journal,
            Clock clock) {
        this.access = access;
        this.terms = terms;
        this.reports = reports;
        this.ledger = ledger;
        this.settlement = settlement;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public Report report(Actor actor, String dealId, int periodNumber, Money revenue) {
        if (revenue == null) {
            throw Rejection.invalid(DealCodes.FIELD_REQUIRED, "revenue", "the period's revenue is required");
        }
        if (revenue.minor() < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_AMOUNT, "revenue.amount", "revenue must not be negative");
        }
        Deal deal = access.lockedForParty(actor, dealId, MarketAction.REPORT_ROYALTY);
        String licensee = DealAccess.buyerOnly(actor, deal);
        RunningRoyalty royalty = terms.of(dealId)
                .orElseThrow(() -> Rejection.conflict(
                        DealCodes.NOT_A_ROYALTY_DEAL, "Deal " + dealId + " is not paid by a running royalty"));
        if (deal.status() != DealStatus.COMPLETED) {
            throw Rejection.conflict(
                    SharedCodes.INVALID_STATUS_TRANSITION,
                    "Royalties are reported on a COMPLETED" + " deal, not " + deal.status());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        RoyaltyPeriod period = schedule(deal, royalty)
                .period(periodNumber)
                .orElseThrow(() -> Rejection.invalid(
                        DealCodes.INVALID_PERIOD, "period", "the licence has no reporting period " + periodNumber));
        if (!period.lastDay().isBefore(today)) {
            throw Rejection.invalid(
                    DealCodes.PERIOD_NOT_ENDED,
                    "period",
                    "period " + periodNumber + " ends on " + period.lastDay()
                            + " and can be reported from the day after");
        }
        if (reports.exists(dealId, periodNumber)) {
            throw alreadyReported(periodNumber);
        }
        Money reported = revenue.requireNotNegative("amount");
        Money due = Settlement.royaltyDue(royalty, reported);
        Optional<String> transferId = pay(deal, licensee, due, periodNumber);
        Report report = new Report(dealId, period, reported, due, transferId, actor.auditName(), now);
        if (!reports.add(report)) {
            throw alreadyReported(periodNumber);
        }
        journal.record(actor.auditName(), deal, new RoyaltyReported(now, period, reported, due, transferId));
        return report;
    }

    /** The deal's reports and the periods whose report is overdue, for anyone who may read the deal. */
    @Transactional(readOnly = true)
    public RoyaltyStatement statement(Actor actor, String dealId) {
        Deal deal = access.readable(actor, dealId);
        return statement(deal)
                .orElseThrow(() -> Rejection.conflict(
                        DealCodes.NOT_A_ROYALTY_DEAL, "Deal " + dealId + " is not paid by a running royalty"));
    }

    /** The statement of a deal already read, or empty when the deal pays no running royalty. */
    @Transactional(readOnly = true)
    public Optional<RoyaltyStatement> statement(Deal deal) {
        return terms.of(deal.id()).map(royalty -> statement(deal, royalty));
    }

    /**
     * The statement of a deal whose details were read, or empty when the deal pays no running royalty: the details
     * hold its payment schedule, so its royalty terms are not read again, and a deal without them reads nothing. What
     * is left is one statement (the reports made), which needs no transaction of its own.
     */
    public Optional<RoyaltyStatement> statement(DealReading.DealDetails details) {
        return details.payment() instanceof RunningRoyalty royalty
                ? Optional.of(statement(details.deal(), royalty))
                : Optional.empty();
    }

    private RoyaltyStatement statement(Deal deal, RunningRoyalty royalty) {
        List<Report> made = reports.of(deal.id());
        List<RoyaltyPeriod> missing = deal.status() == DealStatus.COMPLETED
                ? schedule(deal, royalty)
                        .missingReports(
                                made.stream().map(Report::period).toList(),
                                LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                : List.of();
        return new RoyaltyStatement(royalty, made, missing);
    }

    /** A running royalty's terms, the reports made and the periods overdue. */
    public record RoyaltyStatement(RunningRoyalty terms, List<Report> reports, List<RoyaltyPeriod> missing) {}

    // Nothing moves when nothing is due (no revenue and a minimum that rounds to zero).
    private Optional<String> pay(Deal deal, String licensee, Money due, int periodNumber) {
        if (due.isZero()) {
            return Optional.empty();
        }
        String currency = due.currency();
        long fee = settlement.settlementFor(deal).fee(due.minor());
        String cause = "deal:" + deal.id() + "/royalty:" + periodNumber;
        AccountId from = AccountId.available(licensee, currency);
        List<TransferRequest> batch = new ArrayList<>();
        if (due.minor() > fee) {
            batch.add(TransferRequest.of(
                    from,
                    AccountId.available(deal.seller().organizationId(), currency),
                    Money.of(due.minor() - fee, currency),
                    "ROYALTY_PAYMENT",
                    cause));
        }
        batch.addAll(settlement.feeTransfers(deal, from, Money.of(fee, currency), cause));
        List<Transfer> posted = ledger.transferAll(Actor.SYSTEM, batch);
        return Optional.of(posted.get(0).id());
    }

    private static RoyaltySchedule schedule(Deal deal, RunningRoyalty royalty) {
        return DealTerms.contract(deal, Optional.of(royalty)).royaltySchedule().orElseThrow();
    }

    private static Rejection alreadyReported(int periodNumber) {
        return Rejection.conflict(DealCodes.ROYALTY_ALREADY_REPORTED, "Period " + periodNumber + " has been reported");
    }
}
