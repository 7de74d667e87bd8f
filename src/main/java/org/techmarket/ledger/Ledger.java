package org.techmarket.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/**
 * The market's double-entry ledger as other modules use it; they never touch its tables. Every call joins the
 * caller's transaction or runs in its own (a transfer outside any may share its commit with others'), locks the accounts it moves in a fixed order, refuses to overdraw any
 * account but BANK (409 INSUFFICIENT_FUNDS), and records its audit events just before the transaction commits.
 * Call the ledger before recording audit events of your own in the same transaction.
 */
public interface Ledger {

    /** Posts one transfer between two accounts (never HELD or BANK: they move only by holds and cash) and returns it. */
    Transfer transfer(Actor actor, TransferRequest request);

    /** Posts several transfers atomically, all or none, in order; a later one may spend what an earlier one brought. */
    List<Transfer> transferAll(Actor actor, List<TransferRequest> batch);

    /**
     * Posts the batch as {@link #transferAll} does, all or none, but as the caller's transaction commits (which it
     * must join): after its other writes, its notices and its audit events, so the accounts it moves stay locked only
     * for the posting and the commit. For a batch that credits accounts many transactions share (a seller's, a
     * venue's fees) and whose debits the caller's locks already make certain. The transfers are named now; a refusal
     * at commit (an account it would overdraw) rolls the whole transaction back and is thrown from the commit. No
     * idempotency keys.
     */
    List<Transfer> transferAllAtCommit(Actor actor, List<TransferRequest> batch);

    /** Moves an organization's available funds into its HELD account for a purpose, until captured, released or due. */
    Hold hold(Actor actor, HoldRequest request);

    /** Moves {@code amount} of a hold's remaining funds to {@code destination}, e.g. an escrow; the rest stays held. */
    Hold capture(Actor actor, String holdId, Money amount, AccountId destination);

    /**
     * Captures {@code amount} of a hold to {@code destination}, gives what then remains held back to the organization
     * when {@code releaseRest}, and posts {@code then} after them, all in one posting (one lock of the hold, one of
     * the accounts, one journal statement): all or none, as {@link #capture}, {@link #release} and
     * {@link #transferAll} one after the other would. Returns the hold as it is left.
     */
    Hold captureAndTransfer(
            Actor actor,
            String holdId,
            Money amount,
            AccountId destination,
            boolean releaseRest,
            List<TransferRequest> then);

    /** Gives a hold's remaining funds back to the organization's AVAILABLE account and ends the hold. */
    Hold release(Actor actor, String holdId);

    /** Opens the escrow account of a deal in a currency (opening it again changes nothing) and returns its id. */
    AccountId openEscrow(Actor actor, String dealId, String currency);

    /** A hold by id. */
    Optional<Hold> findHold(String holdId);

    /** An account's balance now; zero for an account that has never moved. */
    Money balance(AccountId account);

    /**
     * The balances of the owner's accounts of one kind, by currency, read with the other queries of {@code batch}: for
     * a reader that learns the currency it needs from another query of the same batch. A currency the owner has no
     * such account in is absent, and its balance zero.
     */
    ReadsTogether.Later<Map<String, Money>> balances(AccountKind kind, String owner, ReadsTogether.Batch batch);

    /**
     * The account's entries after ledger sequence {@code after} (0 for the first), oldest first, at most
     * {@code limit}; the caller decides who may read them.
     */
    List<AccountEntry> entries(AccountId account, long after, int limit);
}
