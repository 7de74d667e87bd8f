package org.techmarket.ledger.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.persistence.Journal;
import org.techmarket.ledger.persistence.LedgerAccounts;
import org.techmarket.ledger.persistence.Reconciliation;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/** What the ledger tells its readers: an organization's balances and statements, and the whole-ledger check. */
@Service
public class LedgerReports {

    private final LedgerAccounts accounts;
    private final Journal journal;
    private final Reconciliation reconciliation;
    private final Participants participants;

    LedgerReports(LedgerAccounts accounts, Journal journal, Reconciliation reconciliation, Participants participants) {
        this.accounts = accounts;
        this.journal = journal;
        this.reconciliation = reconciliation;
        this.participants = participants;
    }

    /** An organization's money in one currency: what it may spend, and what is held for a purpose. */
    public record Balances(String currency, Money available, Money held) {}

    /** A page of a statement and the sequence to ask for the next page after, if there is one. */
    public record Statement(AccountId account, List<Journal.StatementLine> lines, Optional<Long> nextAfter) {}

    /** The whole-ledger check: sound when every currency sums to zero and no account breaks a rule. */
    public record BalanceCheck(
            boolean balanced,
            Map<String, Money> totalsByCurrency,
            long accounts,
            List<String> overdrawn,
            List<String> journalMismatches,
            List<String> holdMismatches) {}

    /** The balances of the actor's organization, or of any organization for operators and regulators. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Balances> balances(Actor actor, Optional<String> organizationId) {
        return balances(accounts.ofOwner(readable(actor, organizationId)));
    }

    /** As {@link #balances}, of the actor's own organization, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Balances>> balances(Actor actor, ReadsTogether.Batch batch) {
        return accounts.ofOwner(actor.requireOrganization(), batch).map(LedgerReports::balances);
    }

    private static List<Balances> balances(List<LedgerAccounts.Balance> owned) {
        Map<String, Balances> byCurrency = new LinkedHashMap<>();
        for (LedgerAccounts.Balance b : owned) {
            if (b.account().kind() != AccountKind.AVAILABLE && b.account().kind() != AccountKind.HELD) {
                continue;
            }
            String currency = b.account().currency();
            Balances current = byCurrency.getOrDefault(
                    currency, new Balances(currency, Money.zero(currency), Money.zero(currency)));
            Money amount = Money.of(b.balance(), currency);
            byCurrency.put(
                    currency,
                    b.account().kind() == AccountKind.AVAILABLE
                            ? new Balances(currency, amount, current.held())
                            : new Balances(currency, current.available(), amount));
        }
        return new ArrayList<>(byCurrency.values());
    }

    /**
     * Entries of an organization's AVAILABLE or HELD account, or of a venue's FEES account (operators and regulators;
     * an operator's own venue when none is named), oldest first, each with the balance after it.
     */
    @Transactional(readOnly = true)
    public Statement statement(
            Actor actor,
            Optional<String> organizationId,
            Optional<String> venueId,
            String currency,
            AccountKind kind,
            long after,
            Integer limit) {
        Money.requireCurrency(currency, "currency");
        if (kind != AccountKind.AVAILABLE && kind != AccountKind.HELD && kind != AccountKind.FEES) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "account", "account is AVAILABLE, HELD or FEES");
        }
        if (after < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "after", "after must not be negative");
        }
        int size = Cursor.limit(limit);
        AccountId account;
        if (kind == AccountKind.FEES) {
            actor.requireMarketReader();
            String venue = venueId.or(actor::venueId)
                    .orElseThrow(() -> Rejection.invalid(
                            SharedCodes.INVALID_PARAMETER, "venueId", "name the venue whose fees to read"));
            participants.venue(venue).orElseThrow(() -> Rejection.notFound("Venue", venue));
            account = AccountId.fees(venue, currency);
        } else {
            account = new AccountId(kind, readable(actor, organizationId), currency);
        }
        return statement(account, journal.statement(account, after, size + 1), size);
    }

    /**
     * As {@link #statement}, of the actor's own organization's AVAILABLE or HELD account, read with the other queries
     * of {@code batch}.
     */
    public ReadsTogether.Later<Statement> statement(
            Actor actor, String currency, AccountKind kind, long after, Integer limit, ReadsTogether.Batch batch) {
        Money.requireCurrency(currency, "currency");
        if (kind != AccountKind.AVAILABLE && kind != AccountKind.HELD) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "account", "account is AVAILABLE or HELD");
        }
        if (after < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, "after", "after must not be negative");
        }
        int size = Cursor.limit(limit);
        AccountId account = new AccountId(kind, actor.requireOrganization(), currency);
        return journal.statement(account, after, size + 1, batch).map(lines -> statement(account, lines, size));
    }

    private static Statement statement(AccountId account, List<Journal.StatementLine> lines, int size) {
        List<Journal.StatementLine> page = lines.stream().limit(size).toList();
        Optional<Long> next =
                lines.size() > size ? Optional.of(page.get(size - 1).sequence()) : Optional.empty();
        return new Statement(account, page, next);
    }

    /** How an organization's available and held balances moved: the latest points of each, oldest first. */
    public record BalanceHistory(String currency, List<Point> available, List<Point> held) {

        /** A balance after an entry posted at {@code at}. */
        public record Point(Instant at, Money balance) {}
    }

    /** The balances after the latest {@code limit} entries of the organization's AVAILABLE and HELD accounts. */
    @Transactional(readOnly = true)
    public BalanceHistory balanceHistory(Actor actor, Optional<String> organizationId, String currency, Integer limit) {
        Money.requireCurrency(currency, "currency");
        List<AccountId> both = availableAndHeld(readable(actor, organizationId), currency);
        return history(both, journal.balanceHistory(both, Cursor.limit(limit)));
    }

    /** As {@link #balanceHistory}, of the actor's own organization, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<BalanceHistory> balanceHistory(
            Actor actor, String currency, Integer limit, ReadsTogether.Batch batch) {
        Money.requireCurrency(currency, "currency");
        List<AccountId> both = availableAndHeld(actor.requireOrganization(), currency);
        return journal.balanceHistory(both, Cursor.limit(limit), batch).map(points -> history(both, points));
    }

    private static List<AccountId> availableAndHeld(String organization, String currency) {
        return List.of(
                new AccountId(AccountKind.AVAILABLE, organization, currency),
                new AccountId(AccountKind.HELD, organization, currency));
    }

    private static BalanceHistory history(List<AccountId> availableAndHeld, List<Journal.BalancePoint> points) {
        AccountId available = availableAndHeld.get(0);
        String currency = available.currency();
        List<BalanceHistory.Point> availablePoints = new ArrayList<>();
        List<BalanceHistory.Point> heldPoints = new ArrayList<>();
        for (Journal.BalancePoint p : points) {
            (p.account().equals(available) ? availablePoints : heldPoints)
                    .add(new BalanceHistory.Point(p.at(), Money.of(p.balance(), currency)));
        }
        return new BalanceHistory(currency, availablePoints, heldPoints);
    }

    /** Checks the whole ledger in one consistent snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public BalanceCheck check(Actor actor) {
        actor.requireMarketReader();
        Map<String, Money> totals = new LinkedHashMap<>();
        reconciliation.totalsByCurrency().forEach((currency, total) -> totals.put(currency, Money.of(total, currency)));
        List<String> overdrawn = reconciliation.overdrawn();
        List<String> journalMismatches = reconciliation.journalMismatches();
        List<String> holdMismatches = reconciliation.holdMismatches();
        boolean balanced = totals.values().stream().allMatch(Money::isZero)
                && overdrawn.isEmpty()
                && journalMismatches.isEmpty()
                && holdMismatches.isEmpty();
        return new BalanceCheck(
                balanced, totals, reconciliation.accountCount(), overdrawn, journalMismatches, holdMismatches);
    }

    private String readable(Actor actor, Optional<String> organizationId) {
        if (organizationId.isEmpty()) {
            return actor.requireOrganization();
        }
        String organization = organizationId.get();
        if (!actor.belongsTo(organization) && !actor.seesWholeMarket()) {
            throw Rejection.forbidden("Only operators and regulators read another organization's accounts");
        }
        participants.requireOrganization(organization, "organizationId");
        return organization;
    }
}
