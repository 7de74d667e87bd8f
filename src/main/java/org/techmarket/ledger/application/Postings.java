package org.techmarket.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.audit.AuditLog;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.domain.PostingRules;
import org.techmarket.ledger.persistence.Journal;
import org.techmarket.ledger.persistence.LedgerAccounts;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * Posts batches of transfers inside the caller's transaction, and groups outside any in one statement that commits
 * ({@link #postEachCommitting}): locks the accounts in key order, applies the posting rules, then stores the new
 * balances, the transfers and their entries; a batch that moves no hold and a group are one statement each, the rules
 * applied by the database and checked against {@link PostingRules}. A batch is all or nothing; a group
 * ({@link #postEachCommitting}) refuses each of its requests alone. Transfers with
 * an idempotency key that was already posted are returned as they were, not posted again. Callers record the
 * audit event.
 */
@Component
class Postings {

    private final LedgerAccounts accounts;
    private final Journal journal;
    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final Clock clock;

    Postings(LedgerAccounts accounts, Journal journal, JdbcClient jdbc, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.journal = journal;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** The batch's transfers in order, and those of them that this call posted (the others were posted before). */
    record Posted(List<Transfer> transfers, List<Transfer> fresh) {}

    Posted post(String actor, List<TransferRequest> batch) {
        return post(actor, batch, Optional.empty());
    }

    /**
     * As {@link #post(String, List)}, writing the hold the batch places or changes with the posting in its one
     * statement: the batch moves the hold, so carries no idempotency key and is always posted now.
     */
    Posted post(String actor, List<TransferRequest> batch, Optional<Journal.HoldWrite> hold) {
        if (hold.isPresent() && batch.stream().anyMatch(t -> t.idempotencyKey().isPresent())) {
            throw new IllegalArgumentException("a batch that moves a hold is posted now, without idempotency keys");
        }
        if (batch.isEmpty()) {
            throw Rejection.invalid(LedgerCodes.EMPTY_BATCH, "batch", "A batch needs at least one transfer");
        }
        batch.forEach(PostingRules::requireWellFormed);
        long keys = batch.stream().flatMap(t -> t.idempotencyKey().stream()).count();
        if (batch.stream().flatMap(t -> t.idempotencyKey().stream()).distinct().count() != keys) {
            throw Rejection.invalid(
                    LedgerCodes.DUPLICATE_IDEMPOTENCY_KEY, "batch", "Each transfer of a batch needs its own key");
        }
        Map<Integer, Transfer> earlier = alreadyPosted(batch);
        List<TransferRequest> fresh = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!earlier.containsKey(i)) {
                fresh.add(batch.get(i));
            }
        }
        List<Transfer> posted = fresh.isEmpty() ? List.of() : postFresh(actor, fresh, hold);
        List<Transfer> result = new ArrayList<>(batch.size());
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            result.add(earlier.containsKey(i) ? earlier.get(i) : posted.get(next++));
        }
        return new Posted(List.copyOf(result), posted);
    }

    private List<Transfer> postFresh(String actor, List<TransferRequest> batch, Optional<Journal.HoldWrite> hold) {
        List<Transfer> transfers = transfers(batch);
        postPrepared(actor, batch, transfers, hold, Optional.empty());
        return transfers;
    }

    /**
     * The transfers a batch without idempotency keys will be when it is posted, named now so that what records them
     * (the audit event) can be written before the posting locks its accounts. Refuses a malformed batch at once.
     */
    List<Transfer> prepare(List<TransferRequest> batch) {
        if (batch.isEmpty()) {
            throw Rejection.invalid(LedgerCodes.EMPTY_BATCH, "batch", "A batch needs at least one transfer");
        }
        if (batch.stream().anyMatch(t -> t.idempotencyKey().isPresent())) {
            throw new IllegalArgumentException("a batch posted at commit carries no idempotency keys");
        }
        batch.forEach(PostingRules::requireWellFormed);
        return transfers(batch);
    }

    /**
     * Posts {@code batch} as the {@code transfers} {@link #prepare} named for it. A batch that moves no hold is posted
     * by one statement that locks the accounts, applies the posting rules and stores balances, transfers and entries,
     * writing none of them when it refuses; the refusal is turned into the one the rules give. A batch that moves a
     * hold locks the accounts, applies {@link PostingRules} here, and stores balances, transfers, entries and the hold
     * in a second statement. The audit events {@code heldBack} names are appended by the posting's one statement.
     */
    void postPrepared(
            String actor,
            List<TransferRequest> batch,
            List<Transfer> transfers,
            Optional<Journal.HoldWrite> hold,
            Optional<AuditLog.Appending> heldBack) {
        if (hold.isPresent() && heldBack.isPresent()) {
            throw new IllegalArgumentException("a batch that moves a hold appends no audit events");
        }
        Set<AccountId> touched = touched(batch);
        if (hold.isEmpty()) {
            Optional<Journal.RefusedAt> refused = journal.postAll(actor, touched, transfers, heldBack);
            if (refused.isPresent()) {
                throw refusal(refused.get().refused(), batch.get(refused.get().transfer()));
            }
            return;
        }
        Map<AccountId, Long> balances = lockCreatingAllButEscrow(touched);
        batch.forEach(t -> requireOpen(t, balances));
        PostingRules.Posting posting = PostingRules.post(balances, batch);
        journal.record(changed(touched, posting.balances()), transfers, posting.entries(), actor, hold);
    }

    /** What became of one request of a group: its transfer, or why it was refused. */
    record Outcome(Optional<Transfer> transfer, Optional<Rejection> refusal) {}

    private static Set<AccountId> touched(List<TransferRequest> batch) {
        Set<AccountId> touched = new TreeSet<>();
        batch.forEach(t -> {
            touched.add(t.from());
            touched.add(t.to());
        });
        return touched;
    }

    private static Map<AccountId, Long> changed(Set<AccountId> accounts, Map<AccountId, Long> balances) {
        Map<AccountId, Long> changed = new HashMap<>();
        accounts.forEach(account -> changed.put(account, balances.get(account)));
        return changed;
    }

    /** The requests as transfers of one batch, posted now. */
    private List<Transfer> transfers(List<TransferRequest> batch) {
        Instant now = LedgerTime.now(clock);
        String batchId = ids.newId();
        return batch.stream()
                .map(t -> new Transfer(
                        ids.newId(),
                        batchId,
                        t.from(),
                        t.to(),
                        t.amount(),
                        t.reason(),
                        t.cause(),
                        t.idempotencyKey(),
                        now))
                .toList();
    }

    /** Refuses a transfer to or from an escrow account that no deal has opened. */
    private static void requireOpen(TransferRequest request, Map<AccountId, Long> locked) {
        for (AccountId account : List.of(request.from(), request.to())) {
            if (!locked.containsKey(account)) {
                throw escrowNotOpen(account);
            }
        }
    }

    private static Rejection escrowNotOpen(AccountId account) {
        return new Rejection(
                Rejection.Kind.NOT_FOUND,
                LedgerCodes.ESCROW_NOT_OPEN,
                "The escrow account of " + account.owner() + " in " + account.currency() + " is not open");
    }

    /**
     * Posts each request of a group on its own terms, in order: a request that would overdraw an account or names an
     * escrow not yet open is refused alone and the others go on, a later request seeing what an earlier one moved.
     * The group's audit event ({@code event} names it from the transfers the requests would be) is recorded with it,
     * all in one statement that, called outside any transaction, commits by itself: one round trip for the group
     * whatever its size. Requests carry no idempotency key (those are posted alone). The statement's rules are those
     * of {@link PostingRules}; a refusal it returns is turned into the one the rules give. The outcomes come in the
     * requests' order.
     */
    List<Outcome> postEachCommitting(
            String actor, List<TransferRequest> requests, Function<List<Transfer>, Journal.GroupEvent> event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a group is posted in a statement that commits by itself");
        }
        List<Transfer> transfers = transfers(requests);
        List<Optional<Journal.Refused>> refusals =
                journal.postEach(actor, touched(requests), transfers, Optional.of(event.apply(transfers)));
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            TransferRequest request = requests.get(i);
            Transfer transfer = transfers.get(i);
            outcomes.add(refusals.get(i)
                    .map(refused -> new Outcome(Optional.empty(), Optional.of(refusal(refused, request))))
                    .orElseGet(() -> new Outcome(Optional.of(transfer), Optional.empty())));
        }
        return outcomes;
    }

    /** The refusal the posting rules give for what the database's posting refused. */
    private static Rejection refusal(Journal.Refused refused, TransferRequest request) {
        return switch (LedgerCodes.valueOf(refused.code())) {
            case ESCROW_NOT_OPEN -> escrowNotOpen(refused.account());
            case INSUFFICIENT_FUNDS ->
                PostingRules.insufficientFunds(request, refused.balance().orElseThrow());
            case BALANCE_LIMIT -> PostingRules.balanceLimit();
            default -> throw new IllegalStateException("the ledger's posting refused with " + refused.code());
        };
    }

    /**
     * Locks the accounts, creating on first use every kind but ESCROW, which a deal opens explicitly (an escrow not
     * open is missing from the result). The existing accounts are locked before any is created, so two postings that
     * create the same account wait in one order.
     */
    private Map<AccountId, Long> lockCreatingAllButEscrow(Set<AccountId> touched) {
        Map<AccountId, Long> balances = accounts.lock(touched);
        if (balances.size() == touched.size()) {
            return balances;
        }
        List<AccountId> missing = touched.stream()
                .filter(a -> !balances.containsKey(a) && a.kind() != AccountKind.ESCROW)
                .toList();
        if (missing.isEmpty()) {
            return balances;
        }
        accounts.create(missing, LedgerTime.now(clock));
        return accounts.lock(touched);
    }

    /**
     * The batch's transfers whose idempotency key was already posted, by index. Same keys are serialised by an
     * advisory lock, so a concurrent duplicate waits for the first and then finds it.
     */
    private Map<Integer, Transfer> alreadyPosted(List<TransferRequest> batch) {
        Map<Integer, Transfer> earlier = new HashMap<>();
        batch.stream()
                .flatMap(t -> t.idempotencyKey().stream())
                .distinct()
                .sorted(Comparator.naturalOrder())
                .forEach(key -> jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                        .param("ledger-transfer\n" + key)
                        .query((rs, n) -> 1)
                        .list());
        for (int i = 0; i < batch.size(); i++) {
            TransferRequest request = batch.get(i);
            Optional<Transfer> found = request.idempotencyKey().flatMap(journal::withIdempotencyKey);
            if (found.isPresent()) {
                requireSame(request, found.get());
                earlier.put(i, found.get());
            }
        }
        return earlier;
    }

    private static void requireSame(TransferRequest request, Transfer posted) {
        boolean same = request.from().equals(posted.from())
                && request.to().equals(posted.to())
                && request.amount().equals(posted.amount())
                && request.reason().equals(posted.reason())
                && request.cause().equals(posted.cause());
        if (!same) {
            throw new Rejection(
                    Rejection.Kind.UNPROCESSABLE,
                    SharedCodes.IDEMPOTENCY_KEY_REUSED,
                    "Transfer idempotency key " + request.idempotencyKey().orElseThrow()
                            + " was already used for a different transfer");
        }
    }
}
