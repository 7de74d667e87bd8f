package org.techmarket.ledger.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.ProblemCode;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The posting rules of the double-entry ledger. A transfer moves a positive amount between two different accounts
 * of the amount's currency, debiting one and crediting the other by the same amount, so all balances always sum to
 * zero; no account but BANK may end a transfer below zero. Pure: balances in, entries and new balances out.
 */
public final class PostingRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int MAX_CAUSE = 200;

    private PostingRules() {}

    /** One side of a transfer: the signed change of an account and its balance afterwards. */
    public record Entry(int transfer, AccountId account, long amount, long balanceAfter) {}

    /** The balances after a batch of transfers and the entries that led there, two per transfer, in order. */
    public record Posting(Map<AccountId, Long> balances, List<Entry> entries) {}

    /**
     * Applies the transfers in order to {@code balances}, which must hold every account they touch. Refuses the
     * whole batch if any transfer is malformed or would overdraw an account.
     */
    public static Posting post(Map<AccountId, Long> balances, List<TransferRequest> transfers) {
        Map<AccountId, Long> after = new HashMap<>(balances);
        List<Entry> entries = new ArrayList<>(transfers.size() * 2);
        for (int i = 0; i < transfers.size(); i++) {
            TransferRequest transfer = transfers.get(i);
            requireWellFormed(transfer);
            long amount = transfer.amount().minor();
            long debited = subtract(balanceOf(after, transfer.from()), amount);
            if (debited < 0 && !transfer.from().kind().mayGoNegative()) {
                throw insufficientFunds(transfer, balanceOf(after, transfer.from()));
            }
            long credited = add(balanceOf(after, transfer.to()), amount);
            after.put(transfer.from(), debited);
            after.put(transfer.to(), credited);
            entries.add(new Entry(i, transfer.from(), -amount, debited));
            entries.add(new Entry(i, transfer.to(), amount, credited));
        }
        return new Posting(Map.copyOf(after), List.copyOf(entries));
    }

    /** Refuses a transfer that could never be posted, whatever the balances. */
    public static void requireWellFormed(TransferRequest transfer) {
        transfer.amount().requirePositive("amount");
        if (transfer.from().equals(transfer.to())) {
            throw Rejection.invalid(
                    LedgerCodes.SAME_ACCOUNT, "to", "A transfer moves money between two different accounts");
        }
        String currency = transfer.amount().currency();
        if (!transfer.from().currency().equals(currency)
                || !transfer.to().currency().equals(currency)) {
            throw Rejection.invalid(
                    SharedCodes.CURRENCY_MISMATCH,
                    "amount",
                    "Both accounts of a transfer must be in the amount's currency " + currency);
        }
        requireCode(transfer.reason(), "reason", SharedCodes.INVALID_REASON);
        requireCause(transfer.cause(), "cause");
    }

    /** A reason or purpose code: upper-case letters, digits and underscores, such as {@code AUCTION_DEPOSIT}. */
    public static String requireCode(String code, String field, ProblemCode refusal) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Rejection.invalid(
                    refusal, field, field + " must be a code of 2 to 40 upper-case letters, digits and underscores");
        }
        return code;
    }

    /** A link to what caused a movement, such as {@code deal:<id>}. */
    public static String requireCause(String cause, String field) {
        if (cause == null || cause.isBlank() || cause.length() > MAX_CAUSE) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_CAUSE,
                    field,
                    field + " must name what caused the movement, in at most " + MAX_CAUSE + " characters");
        }
        return cause;
    }

    private static long balanceOf(Map<AccountId, Long> balances, AccountId account) {
        Long balance = balances.get(account);
        if (balance == null) {
            throw new IllegalArgumentException("account " + account + " was not loaded before posting");
        }
        return balance;
    }

    /** The refusal of a transfer that would take its debit account, holding {@code balance}, below zero. */
    public static Rejection insufficientFunds(TransferRequest transfer, long balance) {
        Money held = Money.of(balance, transfer.amount().currency());
        return new Rejection(
                Rejection.Kind.CONFLICT,
                LedgerCodes.INSUFFICIENT_FUNDS,
                "Account " + transfer.from().kind() + " holds " + held + ", less than the " + transfer.amount()
                        + " to move",
                List.of(),
                Map.of("needed", transfer.amount(), "balance", held));
    }

    /** The refusal of a transfer that would take an account beyond what a balance can record. */
    public static Rejection balanceLimit() {
        return Rejection.conflict(
                LedgerCodes.BALANCE_LIMIT, "The amount would take an account beyond what it can record");
    }

    private static long add(long balance, long amount) {
        try {
            return Math.addExact(balance, amount);
        } catch (ArithmeticException e) {
            throw balanceLimit();
        }
    }

    private static long subtract(long balance, long amount) {
        try {
            return Math.subtractExact(balance, amount);
        } catch (ArithmeticException e) {
            throw balanceLimit();
        }
    }
}
