package org.techmarket.ledger.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.domain.PostingRules;
import org.techmarket.shared.Actor;

/**
 * Commits together the transfers that callers outside any transaction ask for at the same moment, as TigerBeetle
 * batches them: one statement per group that locks the accounts, posts the transfers, records the audit event and,
 * run outside a transaction, commits (ADR 0100), so one round trip and one durable commit serve many callers. Each
 * caller still gets its own answer: its transfer, or its own refusal (an overdraft refuses that transfer alone, and
 * later ones in the group see only what was accepted). A caller waits only for the group it is in. If a group fails
 * for any other reason, each of its transfers is tried again alone, so one caller's failure never becomes another's.
 *
 * <p>There is no thread of its own: a caller that finds fewer than {@link #GROUPS} groups being committed commits
 * the waiting transfers itself (its own among them) and keeps going while more wait; the others wait for its answer.
 */
@Component
class TransferGroupCommit {

    /**
     * Groups committed at once; their accounts are locked in key order, so they never wait on each other in a circle.
     * One at a time made groups twice as large but settled fewer transfers a second: while it committed, the callers
     * it had just answered were not yet back, and nothing else committed (ADR 0082).
     */
    static final int GROUPS = 2;

    /** The most transfers one group commits. */
    static final int GROUP_SIZE = 256;

    private final Postings postings;
    private final LedgerAudit audit;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore committers = new Semaphore(GROUPS);

    TransferGroupCommit(Postings postings, LedgerAudit audit, TransactionTemplate transactions) {
        this.postings = postings;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** A caller's transfer waiting for its group's commit, and the answer it will get. */
    record Waiting(Actor actor, TransferRequest request, CompletableFuture<Transfer> answer) {}

    /** Posts the transfer with whatever else is waiting and returns it once committed, or throws its own refusal. */
    Transfer transfer(Actor actor, TransferRequest request) {
        PostingRules.requireWellFormed(request);
        Waiting mine = new Waiting(actor, request, new CompletableFuture<>());
        waiting.add(mine);
        commitWhileWaiting();
        try {
            return mine.answer().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while its transfer was being committed", e);
        }
    }

    /**
     * Commits groups while transfers wait and a committer's place is free. After giving its place back, a committer
     * looks again: a transfer added while it held the place found none free and relies on it to be seen.
     */
    private void commitWhileWaiting() {
        while (!waiting.isEmpty() && committers.tryAcquire()) {
            try {
                List<Waiting> group = new ArrayList<>();
                for (Waiting next; group.size() < GROUP_SIZE && (next = waiting.poll()) != null; ) {
                    group.add(next);
                }
                try {
                    commit(group);
                } catch (RuntimeException | Error unexpected) {
                    group.forEach(caller -> caller.answer().completeExceptionally(unexpected));
                    throw unexpected;
                }
            } finally {
                committers.release();
            }
        }
    }

    /**
     * Commits a group, one statement for each actor's transfers in it; the answers are given once that statement has
     * committed, or, if it failed, once each of its transfers has been tried alone.
     */
    void commit(List<Waiting> group) {
        Map<String, List<Waiting>> byActor = new LinkedHashMap<>();
        group.forEach(w -> byActor.computeIfAbsent(w.actor().auditName(), a -> new ArrayList<>())
                .add(w));
        byActor.forEach((actor, callers) -> {
            List<Postings.Outcome> outcomes;
            try {
                outcomes = postings.postEachCommitting(
                        actor, callers.stream().map(Waiting::request).toList(), audit::transfersPosted);
            } catch (RuntimeException groupFailed) {
                callers.forEach(this::commitAlone);
                return;
            }
            for (int i = 0; i < callers.size(); i++) {
                Waiting caller = callers.get(i);
                Postings.Outcome outcome = outcomes.get(i);
                outcome.transfer()
                        .ifPresentOrElse(
                                caller.answer()::complete,
                                () -> caller.answer()
                                        .completeExceptionally(outcome.refusal().orElseThrow()));
            }
        });
    }

    private void commitAlone(Waiting caller) {
        try {
            caller.answer().complete(transactions.execute(tx -> {
                List<Transfer> posted = postings.post(caller.actor().auditName(), List.of(caller.request()))
                        .fresh();
                audit.recordTransfers(caller.actor().auditName(), posted);
                return posted.get(0);
            }));
        } catch (RuntimeException refused) {
            caller.answer().completeExceptionally(refused);
        }
    }
}
