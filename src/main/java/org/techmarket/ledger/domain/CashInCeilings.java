package org.techmarket.ledger.domain;

import java.util.List;
import java.util.Map;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * The most money a cash-in may bring: at most {@code maxCashIn} per receipt, no organization's available account
 * above {@code maxBalance}, and no more than {@code maxMarketTotal} in the market as a whole (what the BANK account
 * mirrors, below zero). Every other account's balance is a share of the market's total, so with the total at most a
 * quarter of a {@code long} no balance, and no sum of two balances and an amount, can leave a {@code long}.
 */
public record CashInCeilings(long maxCashIn, long maxBalance, long maxMarketTotal) {

    /** The highest market total the ceilings may allow: sums of a few balances stay far inside a {@code long}. */
    public static final long HIGHEST_MARKET_TOTAL = Long.MAX_VALUE / 4;

    /** Ten billion yuan per receipt, ten trillion per account, a thousand trillion in the market (in fen). */
    public static final CashInCeilings DEFAULT =
            new CashInCeilings(1_000_000_000_000L, 1_000_000_000_000_000L, 100_000_000_000_000_000L);

    public CashInCeilings {
        if (maxCashIn <= 0
                || maxCashIn > maxBalance
                || maxBalance > maxMarketTotal
                || maxMarketTotal > HIGHEST_MARKET_TOTAL) {
            throw new IllegalArgumentException("need 0 < max-cash-in (" + maxCashIn + ") <= max-balance (" + maxBalance
                    + ") <= max-market-total (" + maxMarketTotal + ") <= " + HIGHEST_MARKET_TOTAL + " minor units");
        }
    }

    /** Refuses a receipt above the per-request ceiling, whatever the balances: 400 AMOUNT_ABOVE_CEILING. */
    public void requireWithinCashIn(Money amount) {
        if (amount.minor() > maxCashIn) {
            Money ceiling = Money.of(maxCashIn, amount.currency());
            throw new Rejection(
                    Rejection.Kind.INVALID,
                    LedgerCodes.AMOUNT_ABOVE_CEILING,
                    "A cash-in brings at most " + ceiling + " per receipt; record a larger receipt in parts",
                    List.of(new Rejection.FieldError("amount", "must be at most " + ceiling.decimal())),
                    Map.of("ceiling", ceiling));
        }
    }

    /**
     * Refuses a receipt that would take the organization's available balance above {@code maxBalance}, or the
     * market's total (the BANK balance, negated) above {@code maxMarketTotal}: 409 BALANCE_ABOVE_CEILING.
     */
    public void requireWithinBalances(Money amount, long available, long bankBalance) {
        requireWithinCashIn(amount);
        if (available > maxBalance - amount.minor()) {
            throw balanceAbove("AVAILABLE", "The organization's available balance", available, maxBalance, amount);
        }
        long marketTotal = -bankBalance;
        if (marketTotal > maxMarketTotal - amount.minor()) {
            throw balanceAbove("MARKET", "The market's total", marketTotal, maxMarketTotal, amount);
        }
    }

    private static Rejection balanceAbove(String account, String what, long balance, long ceiling, Money amount) {
        Money now = Money.of(balance, amount.currency());
        Money limit = Money.of(ceiling, amount.currency());
        return new Rejection(
                Rejection.Kind.CONFLICT,
                LedgerCodes.BALANCE_ABOVE_CEILING,
                what + " is " + now + "; " + amount + " more would pass its ceiling of " + limit,
                List.of(),
                Map.of("account", account, "balance", now, "ceiling", limit));
    }
}
