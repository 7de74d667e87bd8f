package org.techmarket.financing.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditLog;
import org.techmarket.financing.domain.Instalment;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanStatus;
import org.techmarket.financing.persistence.Loans;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.rights.RightsRegistry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;

/**
 * Services loans: every day each serviced loan accrues its interest and has its due instalments collected from the
 * owner's available funds, oldest first, as far as they go; an instalment unpaid past the grace period makes it
 * OVERDUE. The owner may repay everything at once; the lender may declare an OVERDUE loan in default. Repayment in
 * full releases the pledges in the same transaction. The daily work runs on {@link BackgroundJobs}, each loan claimed
 * with {@code SKIP LOCKED} in a transaction of its own.
 */
@Service
public class LoanServicing {

    private static final Logger log = LoggerFactory.getLogger(LoanServicing.class);

    private final Loans loans;
    private final Ledger ledger;
    private final RightsRegistry rights;
    private final AuditLog audit;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final int graceDays;
    private final Job servicing;

    LoanServicing(
            Loans loans,
            Ledger ledger,
            RightsRegistry rights,
            AuditLog audit,
            BackgroundJobs jobs,
            Clock clock,
            @Value("${techmarket.financing.grace-days:15}") int graceDays) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("techmarket.financing.grace-days must not be negative");
        }
        this.loans = loans;
        this.ledger = ledger;
        this.rights = rights;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
        this.graceDays = graceDays;
        this.servicing = Job.of(
                "loan-servicing",
                (asOf, limit) -> loans.dueForServicing(day(asOf), limit),
                (id, asOf) -> loans.claimServiced(id)
                        .map(stored -> service(stored.loan(), day(asOf)))
                        .orElse(false));
    }

    @Scheduled(
            fixedDelayString = "${techmarket.financing.servicing-interval:PT1M}",
            initialDelayString = "${techmarket.financing.servicing-interval:PT1M}")
    void serviceLoans() {
        int serviced = serviceDue(clock.instant());
        if (serviced > 0) {
            log.info("Serviced {} loans", serviced);
        }
    }

    /** Accrues and collects what is due at {@code asOf} on every serviced loan; returns how many loans changed. */
    public int serviceDue(Instant asOf) {
        return jobs.run(servicing, asOf);
    }

    /** The owner repays the whole loan now, principal and interest accrued, from its available funds. */
    @Transactional
    public Loans.Stored repayInFull(Actor actor, String loanId) {
        Loan loan = lock(actor, loanId);
        if (!actor.belongsTo(loan.ownerId())) {
            throw Rejection.forbidden("Only the borrower repays its loan");
        }
        LocalDate today = LocalDate.now(clock);
        Loan accrued = loan.accrueTo(today);
        Loan repaid = accrued.repayInFull();
        collect(actor, accrued, accrued.payoff());
        List<Recorded> events = new ArrayList<>();
        noteInterest(loan, accrued, events);
        finish(actor, loan, repaid, events);
        return loans.find(loanId).orElseThrow();
    }

    /**
     * The lender declares the loan in default; refused (LOAN_NOT_OVERDUE) unless an instalment is unpaid past its
     * grace period once what is due today has been accrued and, as far as the owner's funds go, collected.
     */
    @Transactional
    public Loans.Stored declareDefault(Actor actor, String loanId) {
        Loan loan = lock(actor, loanId);
        if (!actor.belongsTo(loan.lenderId())) {
            throw Rejection.forbidden("Only the lender may declare its loan in default");
        }
        LocalDate today = LocalDate.now(clock);
        List<Recorded> events = new ArrayList<>();
        Loan current = bringUpToDate(actor, loan, today, events);
        Loan defaulted = current.status() == LoanStatus.REPAID ? current : current.declareDefault();
        finish(actor, loan, defaulted, events);
        return loans.find(loanId).orElseThrow();
    }

    private Loan lock(Actor actor, String loanId) {
        return loans.lock(loanId)
                .filter(stored -> actor.belongsTo(stored.loan().ownerId())
                        || actor.belongsTo(stored.loan().lenderId()))
                .map(Loans.Stored::loan)
                .orElseThrow(() -> FinancingAccess.loanNotFound(loanId));
    }

    /** One loan's day: accrue, collect what is due as far as funds go, set its standing; true when it changed. */
    private boolean service(Loan loan, LocalDate today) {
        List<Recorded> events = new ArrayList<>();
        Loan next = bringUpToDate(Actor.SYSTEM, loan, today, events);
        if (next.equals(loan)) {
            return false;
        }
        finish(Actor.SYSTEM, loan, next, events);
        return true;
    }

    private Loan bringUpToDate(Actor actor, Loan loan, LocalDate today, List<Recorded> events) {
        Loan current = loan;
        while (current.status().isServiced()) {
            Instalment due =
                    current.nextUnpaid().filter(i -> !i.dueOn().isAfter(today)).orElse(null);
            if (due == null) {
                break;
            }
            Loan accrued = current.accrueTo(due.dueOn());
            noteInterest(current, accrued, events);
            long amount = accrued.amountDue(due);
            if (ledger.balance(AccountId.available(loan.ownerId(), loan.currency()))
                            .minor()
                    < amount) {
                current = accrued;
                break;
            }
            collect(actor, accrued, amount);
            current = accrued.collectNext();
            events.add(new Recorded(
                    FinancingEvents.InstalmentCollected,
                    Map.of(
                            "seq", due.seq(),
                            "principal",
                                    Money.of(due.principal(), loan.currency()).decimal(),
                            "interest",
                                    Money.of(accrued.accruedInterest(), loan.currency())
                                            .decimal(),
                            "collectedOn", current.accruedThrough().toString())));
        }
        Loan accrued = current.accrueTo(today);
        noteInterest(current, accrued, events);
        return accrued.standingOn(today, graceDays);
    }

    private void collect(Actor actor, Loan loan, long amount) {
        ledger.transfer(
                actor,
                TransferRequest.of(
                        AccountId.available(loan.ownerId(), loan.currency()),
                        AccountId.available(loan.lenderId(), loan.currency()),
                        Money.of(amount, loan.currency()),
                        "LOAN_REPAYMENT",
                        "loan:" + loan.id()));
    }

    private static void noteInterest(Loan before, Loan after, List<Recorded> events) {
        if (after.accruedThrough().isAfter(before.accruedThrough())) {
            events.add(new Recorded(
                    FinancingEvents.InterestAccrued,
                    Map.of(
                            "from",
                            before.accruedThrough().toString(),
                            "to",
                            after.accruedThrough().toString(),
                            "interest",
                            Money.of(after.accruedInterest() - before.accruedInterest(), after.currency())
                                    .decimal(),
                            "carry",
                            after.interestCarry())));
        }
    }

    /** Stores the loan, releases its pledges once repaid, and audits every step after the ledger's. */
    private void finish(Actor actor, Loan before, Loan after, List<Recorded> events) {
        loans.update(after, Instant.now(clock));
        if (after.status() != before.status()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("from", before.status().name());
            payload.put(
                    "outstanding",
                    Money.of(after.outstanding(), after.currency()).decimal());
            payload.put(
                    "interestPaid",
                    Money.of(after.interestPaid(), after.currency()).decimal());
            events.add(new Recorded(statusEvent(after.status()), payload));
        }
        if (after.status() == LoanStatus.REPAID && before.status() != LoanStatus.REPAID) {
            for (Loans.Pledge pledge : loans.find(after.id()).orElseThrow().pledges()) {
                rights.releasePledge(actor.auditName(), pledge.grantId(), "loan " + after.id() + " repaid in full");
            }
        }
        for (Recorded event : events) {
            audit.record(actor.auditName(), event.type(), subject(after), event.payload());
        }
    }

    private static FinancingEvents statusEvent(LoanStatus status) {
        return switch (status) {
            case ACTIVE -> FinancingEvents.LoanBroughtCurrent;
            case OVERDUE -> FinancingEvents.LoanOverdue;
            case REPAID -> FinancingEvents.LoanRepaid;
            case DEFAULTED -> FinancingEvents.LoanDefaulted;
            case SETTLED_BY_SALE -> FinancingEvents.LoanSettledBySale;
        };
    }

    static String subject(Loan loan) {
        return "loan:" + loan.id();
    }

    private static LocalDate day(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }

    private record Recorded(FinancingEvents type, Map<String, ?> payload) {}
}
