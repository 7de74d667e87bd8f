package org.techmarket.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class PostingRulesTest {

    private static final AccountId BANK = AccountId.bank("CNY");
    private static final AccountId BUYER = AccountId.available("buyer", "CNY");
    private static final AccountId SELLER = AccountId.available("seller", "CNY");
    private static final AccountId FEES = AccountId.fees("venue", "CNY");

    private static TransferRequest move(AccountId from, AccountId to, long fen) {
        return TransferRequest.of(from, to, Money.cny(fen), "TEST", "test:1");
    }

    private static Map<AccountId, Long> empty() {
        return Map.of(BANK, 0L, BUYER, 0L, SELLER, 0L, FEES, 0L);
    }

    @Test
    void aTransferDebitsOneAccountAndCreditsAnotherByTheSameAmount() {
        PostingRules.Posting posting = PostingRules.post(empty(), List.of(move(BANK, BUYER, 10_000)));

        assertThat(posting.balances()).containsEntry(BANK, -10_000L).containsEntry(BUYER, 10_000L);
        assertThat(posting.entries())
                .containsExactly(
                        new PostingRules.Entry(0, BANK, -10_000, -10_000),
                        new PostingRules.Entry(0, BUYER, 10_000, 10_000));
        assertThat(posting.balances().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isZero();
    }

    @Test
    void aBatchAppliesInOrderSoALaterTransferMaySpendWhatAnEarlierBrought() {
        PostingRules.Posting posting = PostingRules.post(
                empty(), List.of(move(BANK, BUYER, 10_000), move(BUYER, SELLER, 9_500), move(BUYER, FEES, 500)));

        assertThat(posting.balances())
                .containsEntry(BUYER, 0L)
                .containsEntry(SELLER, 9_500L)
                .containsEntry(FEES, 500L);
        assertThat(posting.entries()).hasSize(6);
        assertThat(posting.entries().get(5)).isEqualTo(new PostingRules.Entry(2, FEES, 500, 500));
    }

    @Test
    void noAccountButBankMayBeOverdrawnAndThenNothingIsPosted() {
        Map<AccountId, Long> balances = Map.of(BANK, -100L, BUYER, 100L, SELLER, 0L, FEES, 0L);

        assertThatThrownBy(() -> PostingRules.post(balances, List.of(move(BUYER, SELLER, 60), move(BUYER, FEES, 41))))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.code()).isEqualTo("INSUFFICIENT_FUNDS");
                    assertThat(r.kind()).isEqualTo(Rejection.Kind.CONFLICT);
                });
        assertThat(PostingRules.post(balances, List.of(move(BUYER, SELLER, 100)))
                        .balances())
                .containsEntry(BUYER, 0L);
        assertThat(PostingRules.post(balances, List.of(move(BANK, SELLER, 1_000)))
                        .balances())
                .containsEntry(BANK, -1_100L);
    }

    @Test
    void malformedTransfersAreRefusedWhateverTheBalances() {
        assertThat(codeOf(move(BUYER, SELLER, 0))).isEqualTo("INVALID_AMOUNT");
        assertThat(codeOf(move(BUYER, SELLER, -5))).isEqualTo("INVALID_AMOUNT");
        assertThat(codeOf(move(BUYER, BUYER, 5))).isEqualTo("SAME_ACCOUNT");
        assertThat(codeOf(TransferRequest.of(BUYER, SELLER, Money.of(5, "USD"), "TEST", "c")))
                .isEqualTo("CURRENCY_MISMATCH");
        assertThat(codeOf(TransferRequest.of(BUYER, AccountId.available("x", "USD"), Money.cny(5), "TEST", "c")))
                .isEqualTo("CURRENCY_MISMATCH");
        assertThat(codeOf(TransferRequest.of(BUYER, SELLER, Money.cny(5), "lower", "c")))
                .isEqualTo("INVALID_REASON");
        assertThat(codeOf(TransferRequest.of(BUYER, SELLER, Money.cny(5), null, "c")))
                .isEqualTo("INVALID_REASON");
        assertThat(codeOf(TransferRequest.of(BUYER, SELLER, Money.cny(5), "TEST", " ")))
                .isEqualTo("INVALID_CAUSE");
        assertThat(codeOf(TransferRequest.of(BUYER, SELLER, Money.cny(5), "TEST", "x".repeat(201))))
                .isEqualTo("INVALID_CAUSE");
    }

    @Test
    void balancesThatWouldOverflowAreRefused() {
        Map<AccountId, Long> balances = Map.of(BANK, -Long.MAX_VALUE, BUYER, Long.MAX_VALUE, SELLER, 0L, FEES, 0L);
        assertThatThrownBy(() -> PostingRules.post(balances, List.of(move(BANK, BUYER, 1))))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("BALANCE_LIMIT"));
    }

    @Test
    void everyTouchedAccountMustHaveBeenLoaded() {
        assertThatThrownBy(() -> PostingRules.post(Map.of(BUYER, 5L), List.of(move(BUYER, SELLER, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String codeOf(TransferRequest transfer) {
        try {
            PostingRules.post(Map.of(BUYER, 1_000L, SELLER, 0L), List.of(transfer));
        } catch (Rejection r) {
            return r.code();
        }
        throw new AssertionError("expected a refusal of " + transfer);
    }
}
