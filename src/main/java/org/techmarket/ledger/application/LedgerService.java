package org.techmarket.ledger.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    LedgerService(
            Postings postings,
            HoldOperations holds,
            LedgerAccounts accounts,
            LedgerAudit audit,
            Clock clock,
            Journal journal) {
        this.journal = journal;
        this.postings = postings;
        this.holds = holds;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Transfer transfer(Actor actor, TransferRequest request) {
        return transferAll(actor, List.of(request)).get(0);
    }

    @Override
    @Transactional
    public List<Transfer> transferAll(Actor actor, List<TransferRequest> batch) {
        batch.forEach(t -> {
            requireMovable(t.from(), "from");
            requireMovable(t.to(), "to");
        });
        Postings.Posted posted = postings.post(actor.auditName(), batch);
        if (!posted.fresh().isEmpty()) {
            audit.record(
                    actor.auditName(),
                    LedgerEvents.TransfersPosted,
                    "transfer-batch:" + posted.fresh().get(0).batchId(),
                    Map.of(
                            "transfers",
                            posted.fresh().stream().map(LedgerService::payload).toList()));
        }
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

    static Map<String, Object> payload(Transfer t) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", t.id());
        payload.put("from", t.from().key());
        payload.put("to", t.to().key());
        payload.put("amount", t.amount());
        payload.put("reason", t.reason());
        payload.put("cause", t.cause());
        return payload;
    }
}
