package org.techmarket.ledger.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.AccountEntry;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.domain.LedgerEvents;
import org.techmarket.ledger.persistence.Journal;
import org.techmarket.ledger.persistence.LedgerAccounts;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;

/**
 * The ledger's Java API for other modules. It adds one policy to the posting rules: other modules move money
 * between AVAILABLE, FEES and ESCROW accounts only; HELD changes only through holds and BANK only through cash
 * in and out, so the market's money can be neither created nor destroyed from outside the ledger.
 */
@Service
public class LedgerService implements Ledger {

    private final Postings postings;
    private final HoldOperations holds;
    private final LedgerAccounts accounts;
    private final LedgerAudit audit;
    private final Clock clock;
    private final Journal journal;
    private final TransferGroupCommit groupCommit;
    private final TransactionTemplate transactions;

    LedgerService(
            Postings postings,
            HoldOperations holds,
            LedgerAccounts accounts,
            LedgerAudit audit,
            Clock clock,
            Journal journal,
            TransferGroupCommit groupCommit,
            TransactionTemplate transactions) {
        this.groupCommit = groupCommit;
        this.transactions = transactions;
        this.journal = journal;
        this.postings = postings;
        this.holds = holds;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Inside the caller's transaction, the transfer joins it. Outside any, a transfer without an idempotency key is
     * committed together with those other callers ask for at the same moment ({@link TransferGroupCommit}); one with
     * a key is posted in a transaction of its own.
     */
    @Override
    public Transfer transfer(Actor actor, TransferRequest request) {
        requireMovable(request.from(), "from");
        requireMovable(request.to(), "to");
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return post(actor, List.of(request)).get(0);
        }
        if (request.idempotencyKey().isPresent()) {
            return transactions.execute(tx -> post(actor, List.of(request)).get(0));
        }
        return groupCommit.transfer(actor, request);
    }

    @Override
    @Transactional
    public List<Transfer> transferAll(Actor actor, List<TransferRequest> batch) {
        batch.forEach(t -> {
            requireMovable(t.from(), "from");
            requireMovable(t.to(), "to");
        });
        return post(actor, batch);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Transfer> transferAllAtCommit(Actor actor, List<TransferRequest> batch) {
        batch.forEach(t -> {
            requireMovable(t.from(), "from");
            requireMovable(t.to(), "to");
        });
        List<Transfer> transfers = postings.prepare(batch);
        // recorded now, in the order of the transaction's calls, and appended before the posting locks its accounts
        audit.recordTransfers(actor.auditName(), transfers);
        PostingsAtCommit.add(postings, audit, actor.auditName(), batch, transfers);
        return transfers;
    }

    private List<Transfer> post(Actor actor, List<TransferRequest> batch) {
        Postings.Posted posted = postings.post(actor.auditName(), batch);
        audit.recordTransfers(actor.auditName(), posted.fresh());
        return posted.transfers();
    }

    @Override
    @Transactional
    public Hold hold(Actor actor, HoldRequest request) {
        return holds.place(actor.auditName(), request);
    }

    @Override
    @Transactional
    public Hold capture(Actor actor, String holdId, Money amount, AccountId destination) {
        requireMovable(destination, "destination");
        return holds.capture(actor.auditName(), holdId, amount, destination);
    }

    @Override
    @Transactional
    public Hold captureAndTransfer(
            Actor actor,
            String holdId,
            Money amount,
            AccountId destination,
            boolean releaseRest,
            List<TransferRequest> then) {
        requireMovable(destination, "destination");
        then.forEach(t -> {
            requireMovable(t.from(), "from");
            requireMovable(t.to(), "to");
        });
        return holds.captureAndPost(actor.auditName(), holdId, amount, destination, releaseRest, then);
    }

    @Override
    @Transactional
    public Hold release(Actor actor, String holdId) {
        return holds.release(actor.auditName(), holdId);
    }

    @Override
    @Transactional
    public AccountId openEscrow(Actor actor, String dealId, String currency) {
        AccountId escrow = AccountId.escrow(dealId, currency);
        if (accounts.createIfMissing(escrow, clock.instant())) {
            audit.record(
                    actor.auditName(),
                    LedgerEvents.EscrowOpened,
                    "account:" + escrow.key(),
                    Map.of("dealId", dealId, "currency", currency));
        }
        return escrow;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Hold> findHold(String holdId) {
        return holds.find(holdId);
    }

    @Override
    @Transactional(readOnly = true)
    public Money balance(AccountId account) {
        return Money.of(accounts.balance(account).orElse(0L), account.currency());
    }

    @Override
    public ReadsTogether.Later<Map<String, Money>> balances(AccountKind kind, String owner, ReadsTogether.Batch batch) {
        return accounts.ofKind(kind, owner, batch)
                .map(owned -> owned.stream()
                        .collect(Collectors.toUnmodifiableMap(
                                b -> b.account().currency(),
                                b -> Money.of(b.balance(), b.account().currency()))));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountEntry> entries(AccountId account, long after, int limit) {
        String currency = account.currency();
        return journal.statement(account, after, limit).stream()
                .map(line -> new AccountEntry(
                        line.sequence(),
                        line.transferId(),
                        Money.of(line.amount(), currency),
                        Money.of(line.balanceAfter(), currency),
                        line.postedAt(),
                        line.reason(),
                        line.cause(),
                        line.counterAccount()))
                .toList();
    }

    private static void requireMovable(AccountId account, String field) {
        if (account.kind() == AccountKind.HELD || account.kind() == AccountKind.BANK) {
            throw Rejection.invalid(
                    LedgerCodes.ACCOUNT_NOT_MOVABLE,
                    field,
                    account.kind() + " accounts move only through "
                            + (account.kind() == AccountKind.HELD ? "holds" : "cash in and out"));
        }
    }
}
