package org.techmarket.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.domain.CashIn;
import org.techmarket.ledger.domain.CashInCeilings;
import org.techmarket.ledger.domain.CashOut;
import org.techmarket.ledger.domain.CashOutStatus;
import org.techmarket.ledger.domain.LedgerEvents;
import org.techmarket.ledger.persistence.CashIns;
import org.techmarket.ledger.persistence.CashOuts;
import org.techmarket.ledger.persistence.LedgerAccounts;
import org.techmarket.participant.MarketAction;
import org.techmarket.participant.OrganizationSummary;
import org.techmarket.participant.Participants;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Cursor;
import org.techmarket.shared.IdGenerator;
import org.techmarket.shared.Money;
import org.techmarket.shared.Page;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;
import org.techmarket.shared.SharedCodes;

/**
 * Money entering and leaving the market through the settlement bank. An operator records each receipt once per
 * bank reference; an organization's admin asks to withdraw available funds, which are held until an operator
 * confirms the payout or the request is cancelled.
 */
@Service
public class CashService {

    private static final int MAX_REFERENCE = 100;

    private final CashIns cashIns;
    private final CashOuts cashOuts;
    private final Postings postings;
    private final HoldOperations holds;
    private final Participants participants;
    private final LedgerAccounts accounts;
    private final CashInCeilings ceilings;
    private final LedgerAudit audit;
    private final IdGenerator ids;
    private final Clock clock;

    CashService(
            CashIns cashIns,
            CashOuts cashOuts,
            Postings postings,
            HoldOperations holds,
            Participants participants,
            LedgerAccounts accounts,
            CashInCeilings ceilings,
            LedgerAudit audit,
            IdGenerator ids,
            Clock clock) {
        this.cashIns = cashIns;
        this.cashOuts = cashOuts;
        this.postings = postings;
        this.holds = holds;
        this.participants = participants;
        this.accounts = accounts;
        this.ceilings = ceilings;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** A recorded receipt, and whether this call recorded it or found it recorded before. */
    public record Recorded(CashIn cashIn, boolean isNew) {}

    @Transactional
    public Recorded recordCashIn(Actor actor, String organizationId, Money amount, String bankReference) {
        actor.requireOperator();
        if (organizationId == null || organizationId.isBlank()) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "organizationId", "organizationId is required");
        }
        requireAmount(amount);
        ceilings.requireWithinCashIn(amount);
        String reference = requireReference(bankReference, "bankReference");
        requireOwnVenue(actor, participants.requireOrganization(organizationId, "organizationId"));
        String id = ids.newId();
        Instant now = LedgerTime.now(clock);
        if (!cashIns.claim(id, reference, organizationId, amount, actor.auditName(), now)) {
            CashIn earlier = cashIns.withBankReference(reference).orElseThrow();
            if (!earlier.sameReceipt(organizationId, amount)) {
                throw Rejection.conflict(
                        LedgerCodes.BANK_REFERENCE_CONFLICT,
                        "Bank reference " + reference + " is already recorded for a different receipt");
            }
            return new Recorded(earlier, false);
        }
        requireWithinBalances(organizationId, amount);
        Transfer transfer = postings.post(
                        actor.auditName(),
                        List.of(TransferRequest.of(
                                AccountId.bank(amount.currency()),
                                AccountId.available(organizationId, amount.currency()),
                                amount,
                                CashIn.REASON,
                                "cash-in:" + id)))
                .transfers()
                .get(0);
        cashIns.setTransfer(id, transfer.id());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", organizationId);
        payload.put("amount", amount);
        payload.put("bankReference", reference);
        payload.put("transferId", transfer.id());
        audit.record(actor.auditName(), LedgerEvents.CashInRecorded, "cash-in:" + id, payload);
        return new Recorded(
                new CashIn(id, reference, organizationId, amount, transfer.id(), actor.auditName(), now), true);
    }

    @Transactional
    /** An organization's admin asks to withdraw {@code amount}, to the given bank account (optional: null for none). */
    public CashOut requestCashOut(Actor actor, Money amount, String bankAccount) {
        Optional<String> account = CashOut.bankAccount(bankAccount);
        if (bankAccount != null && account.isEmpty()) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "bankAccount", "must be 8 to 34 letters and digits");
        }
        if (actor.role() != Role.ORG_ADMIN) {
            throw Rejection.forbidden("Only an organization's admin may withdraw its funds");
        }
        String organization =
                participants.permitted(actor, MarketAction.CASH_OUT).id();
        requireAmount(amount);
        String id = ids.newId();
        Hold hold = holds.place(
                actor.auditName(),
                new HoldRequest(organization, amount, CashOut.PURPOSE, "cash-out:" + id, Optional.empty()));
        CashOut cashOut = new CashOut(
                id,
                organization,
                amount,
                hold.id(),
                CashOutStatus.PENDING,
                actor.auditName(),
                LedgerTime.now(clock),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                account);
        cashOuts.add(cashOut);
        audit.record(actor.auditName(), LedgerEvents.CashOutRequested, "cash-out:" + id, payload(cashOut));
        return cashOut;
    }

    /** The operator has paid the money out: the held funds leave the market through BANK. */
    @Transactional
    public CashOut confirmCashOut(Actor actor, String id, Optional<String> payoutReference) {
        actor.requireOperator();
        Optional<String> reference = payoutReference.map(given -> requireReference(given, "bankReference"));
        CashOut current = lockVisible(actor, id);
        CashOut confirmed = current.confirm(actor.auditName(), LedgerTime.now(clock), reference);
        holds.capture(
                actor.auditName(),
                current.holdId(),
                current.amount(),
                AccountId.bank(current.amount().currency()));
        cashOuts.update(confirmed);
        audit.record(actor.auditName(), LedgerEvents.CashOutConfirmed, "cash-out:" + id, payload(confirmed));
        return confirmed;
    }

    /** The request is withdrawn (by the organization's admin) or refused (by an operator): the funds come back. */
    @Transactional
    public CashOut cancelCashOut(Actor actor, String id) {
        if (!actor.isOperator() && actor.role() != Role.ORG_ADMIN) {
            throw Rejection.forbidden("Only the organization's admin or an operator may cancel a withdrawal");
        }
        if (!actor.isOperator()) {
            participants.permitted(actor, MarketAction.CANCEL_CASH_OUT);
        }
        CashOut current = lockVisible(actor, id);
        CashOut cancelled = current.cancel(actor.auditName(), LedgerTime.now(clock));
        holds.release(actor.auditName(), current.holdId());
        cashOuts.update(cancelled);
        audit.record(actor.auditName(), LedgerEvents.CashOutCancelled, "cash-out:" + id, payload(cancelled));
        return cancelled;
    }

    @Transactional(readOnly = true)
    public CashOut cashOut(Actor actor, String id) {
        return cashOuts.find(id).filter(c -> maySee(actor, c)).orElseThrow(() -> Rejection.notFound("Cash-out", id));
    }

    /** Cash-outs in request order: an organization's own, or everyone's for operators and regulators. */
    @Transactional(readOnly = true)
    public Page<CashOut> cashOuts(Actor actor, Optional<CashOutStatus> status, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        return Page.of(
                cashOuts.page(readable(actor), status, Cursor.decode(cursor).orElse(""), size + 1), size, CashOut::id);
    }

    /** As {@link #cashOuts(Actor, Optional, String, Integer)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Page<CashOut>> cashOuts(
            Actor actor, Optional<CashOutStatus> status, String cursor, Integer limit, ReadsTogether.Batch batch) {
        int size = Cursor.limit(limit);
        return cashOuts.page(readable(actor), status, Cursor.decode(cursor).orElse(""), size + 1, batch)
                .map(rows -> Page.of(rows, size, CashOut::id));
    }

    /** Whose cash-outs the actor reads: every organization's for operators and regulators, else its own. */
    private static Optional<String> readable(Actor actor) {
        return actor.seesWholeMarket() ? Optional.empty() : Optional.of(actor.requireOrganization());
    }

    private CashOut lockVisible(Actor actor, String id) {
        CashOut cashOut =
                cashOuts.lock(id).filter(c -> maySee(actor, c)).orElseThrow(() -> Rejection.notFound("Cash-out", id));
        if (actor.isOperator()) {
            requireOwnVenue(actor, participants.requireOrganization(cashOut.organizationId(), "organizationId"));
        }
        return cashOut;
    }

    /** Another organization's cash-out is answered as if it did not exist. */
    private static boolean maySee(Actor actor, CashOut cashOut) {
        return actor.seesWholeMarket() || actor.belongsTo(cashOut.organizationId());
    }

    /** Reads both balances under the locks the posting takes next, so that two receipts cannot pass together. */
    private void requireWithinBalances(String organizationId, Money amount) {
        AccountId available = AccountId.available(organizationId, amount.currency());
        AccountId bank = AccountId.bank(amount.currency());
        Map<AccountId, Long> balances = accounts.lock(List.of(available, bank));
        ceilings.requireWithinBalances(amount, balances.getOrDefault(available, 0L), balances.getOrDefault(bank, 0L));
    }

    private static void requireOwnVenue(Actor operator, OrganizationSummary organization) {
        if (operator.venueId()
                .filter(venue -> !venue.equals(organization.venueId()))
                .isPresent()) {
            throw Rejection.forbidden("Operators act for the organizations of their own venue");
        }
    }

    private static void requireAmount(Money amount) {
        if (amount == null) {
            throw Rejection.invalid(SharedCodes.VALIDATION_FAILED, "amount", "amount is required");
        }
        amount.requirePositive("amount");
    }

    private static String requireReference(String reference, String field) {
        if (reference == null || reference.isBlank() || reference.strip().length() > MAX_REFERENCE) {
            throw Rejection.invalid(
                    LedgerCodes.INVALID_BANK_REFERENCE,
                    field,
                    field + " must be the bank's reference of the payment, 1 to " + MAX_REFERENCE + " characters");
        }
        return reference.strip();
    }

    private static Map<String, Object> payload(CashOut c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", c.organizationId());
        payload.put("amount", c.amount());
        payload.put("status", c.status().name());
        payload.put("holdId", c.holdId());
        payload.put("bankReference", c.bankReference().orElse(""));
        c.maskedBankAccount().ifPresent(masked -> payload.put("bankAccount", masked));
        return payload;
    }
}
