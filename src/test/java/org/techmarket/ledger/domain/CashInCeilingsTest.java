package org.techmarket.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class CashInCeilingsTest {

    private final CashInCeilings ceilings = new CashInCeilings(1_000, 1_500, 2_500);

    @Test
    void aReceiptAboveTheCeilingPerRequestIsRefusedWhateverTheBalances() {
        assertThatCode(() -> ceilings.requireWithinCashIn(Money.cny(1_000))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ceilings.requireWithinCashIn(Money.cny(1_001)))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "AMOUNT_ABOVE_CEILING")
                .hasFieldOrPropertyWithValue("kind", Rejection.Kind.INVALID);
    }

    @Test
    void anOrganizationsAvailableBalanceStaysAtOrBelowItsCeiling() {
        assertThatCode(() -> ceilings.requireWithinBalances(Money.cny(500), 1_000, -1_000))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ceilings.requireWithinBalances(Money.cny(501), 1_000, -1_000))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "BALANCE_ABOVE_CEILING")
                .satisfies(e -> assertThat(((Rejection) e).properties()).containsEntry("account", "AVAILABLE"));
    }

    @Test
    void theMarketsTotalStaysAtOrBelowItsCeiling() {
        assertThatCode(() -> ceilings.requireWithinBalances(Money.cny(500), 0, -2_000))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ceilings.requireWithinBalances(Money.cny(501), 0, -2_000))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "BALANCE_ABOVE_CEILING")
                .satisfies(e -> assertThat(((Rejection) e).properties()).containsEntry("account", "MARKET"));
    }

    @Test
    void theDefaultsKeepEveryLedgerSumInsideALong() {
        CashInCeilings defaults = CashInCeilings.DEFAULT;
        assertThat(defaults.maxCashIn()).isEqualTo(1_000_000_000_000L); // 10,000,000,000.00 CNY
        assertThat(defaults.maxBalance()).isEqualTo(1_000_000_000_000_000L);
        // The BANK's balance is minus the market's total, and every other balance a share of it: two balances and
        // an amount added together stay far below a long's largest value.
        assertThat(Math.addExact(
                        Math.addExact(defaults.maxMarketTotal(), defaults.maxMarketTotal()), defaults.maxCashIn()))
                .isLessThan(Long.MAX_VALUE / 2);
        // The old failure: BANK reached a long's end after ~92 receipts of 999,999,999,999,999.99. Now the market
        // takes 100,000 receipts of the largest amount allowed before its total reaches its ceiling.
        assertThat(defaults.maxMarketTotal() / defaults.maxCashIn()).isEqualTo(100_000);
    }

    @Test
    void ceilingsOutOfOrderOrBeyondAQuarterOfALongDoNotStart() {
        assertThatThrownBy(() -> new CashInCeilings(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CashInCeilings(2, 1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CashInCeilings(1, 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CashInCeilings(1, 2, Long.MAX_VALUE / 4 + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
