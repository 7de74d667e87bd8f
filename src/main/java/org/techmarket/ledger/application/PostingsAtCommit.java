package org.techmarket.ledger.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.techmarket.audit.AuditLog;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;

/**
 * The batches a transaction asked to post as it commits, in the order it asked. They are posted after the
 * transaction's other writes, its notices and its held-back audit events, and before the venue feed's entry, which
 * comes last: accounts that every completion at a venue credits (the seller's, the venue's fees) are locked only for
 * the posting, the feed's entry and the commit.
 */
final class PostingsAtCommit implements TransactionSynchronization {

    /**
     * After the notices filed with a step ({@code @Order(0)}), before the audit log's held-back events and the venue
     * feed's entry (both ordered last): the held-back events are appended by the posting itself, just before it.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    private record Pending(String actor, List<TransferRequest> batch, List<Transfer> transfers) {}

    private final Postings postings;
    private final LedgerAudit audit;
    private final List<Pending> pending = new ArrayList<>();

    private PostingsAtCommit(Postings postings, LedgerAudit audit) {
        this.postings = postings;
        this.audit = audit;
    }

    /** Adds the batch to the running transaction's, whose first one registers them to be posted at commit. */
    static void add(
            Postings postings, LedgerAudit audit, String actor, List<TransferRequest> batch, List<Transfer> transfers) {
        PostingsAtCommit current =
                (PostingsAtCommit) TransactionSynchronizationManager.getResource(PostingsAtCommit.class);
        if (current == null) {
            current = new PostingsAtCommit(postings, audit);
            TransactionSynchronizationManager.bindResource(PostingsAtCommit.class, current);
            TransactionSynchronizationManager.registerSynchronization(current);
        }
        current.pending.add(new Pending(actor, List.copyOf(batch), transfers));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(PostingsAtCommit.class);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(PostingsAtCommit.class, this);
    }

    /**
     * Posts each batch, the first appending what the transaction held back for the audit log (the postings' own
     * events among them, recorded when they were asked for) in its statement, before it locks its first account. A
     * refusal here (an account that would be overdrawn) rolls the whole transaction back and reaches the caller from
     * its commit.
     */
    @Override
    public void beforeCommit(boolean readOnly) {
        Optional<AuditLog.Appending> heldBack = audit.takeHeldBack();
        for (Pending p : pending) {
            postings.postPrepared(p.actor(), p.batch(), p.transfers(), Optional.empty(), heldBack);
            heldBack = Optional.empty();
        }
        pending.clear();
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PostingsAtCommit.class);
    }
}
