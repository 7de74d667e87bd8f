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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
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
 * Posts batches of transfers inside the caller's transaction: locks the accounts in key order, applies the
 * posting rules, then stores the new balances, the transfers and their entries in one statement. Transfers with
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
        List<Transfer> posted = fresh.isEmpty() ? List.of() : postFresh(actor, fresh);
        List<Transfer> result = new ArrayList<>(batch.size());
        int next = 0;
        for (int i = 0; i < batch.size(); i++) {
            result.add(earlier.containsKey(i) ? earlier.get(i) : posted.get(next++));
        }
        return new Posted(List.copyOf(result), posted);
    }

    private List<Transfer> postFresh(String actor, List<TransferRequest> batch) {
        Set<AccountId> touched = new TreeSet<>();
        batch.forEach(t -> {
            touched.add(t.from());
            touched.add(t.to());
        });
        Map<AccountId, Long> balances = lockCreatingMissing(touched);
        PostingRules.Posting posting = PostingRules.post(balances, batch);
        Map<AccountId, Long> changed = new HashMap<>();
        touched.forEach(account -> changed.put(account, posting.balances().get(account)));
        Instant now = LedgerTime.now(clock);
        String batchId = ids.newId();
        List<Transfer> transfers = batch.stream()
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
        journal.record(changed, transfers, posting.entries(), actor);
        return transfers;
    }

    /**
     * Locks the accounts, creating on first use every kind but ESCROW, which a deal opens explicitly. The existing
     * accounts are locked before any is created, so two postings that create the same account wait in one order.
     */
    private Map<AccountId, Long> lockCreatingMissing(Set<AccountId> touched) {
        Map<AccountId, Long> balances = accounts.lock(touched);
        if (balances.size() == touched.size()) {
            return balances;
        }
        List<AccountId> missing =
                touched.stream().filter(a -> !balances.containsKey(a)).toList();
        missing.stream().filter(a -> a.kind() == AccountKind.ESCROW).findFirst().ifPresent(escrow -> {
            throw new Rejection(
                    Rejection.Kind.NOT_FOUND,
                    LedgerCodes.ESCROW_NOT_OPEN,
                    "The escrow account of " + escrow.owner() + " in " + escrow.currency() + " is not open");
        });
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
