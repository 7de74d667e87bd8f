package org.techmarket.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/**
 * Random batches of transfers among a few accounts, checked after every step against the invariants and against a
 * naive reference that keeps balances as big integers (docs/adr/0002: seeded, reproducible).
 */
class PostingRulesProperties {

    private static final long SEED = 4_2024_0604L;
    private static final int RUNS = 300;
    private static final int STEPS = 200;

    private static final List<AccountId> ACCOUNTS = List.of(
            AccountId.bank("CNY"),
            AccountId.available("a", "CNY"),
            AccountId.available("b", "CNY"),
            AccountId.held("a", "CNY"),
            AccountId.fees("v", "CNY"),
            AccountId.escrow("d", "CNY"));

    @Test
    void balancesSumToZeroNeverGoNegativeAndAgreeWithTheReference() {
        Random random = new Random(SEED);
        for (int run = 0; run < RUNS; run++) {
            Map<AccountId, Long> balances = new HashMap<>();
            Map<AccountId, BigInteger> reference = new HashMap<>();
            ACCOUNTS.forEach(a -> {
                balances.put(a, 0L);
                reference.put(a, BigInteger.ZERO);
            });
            for (int step = 0; step < STEPS; step++) {
                List<TransferRequest> batch = randomBatch(random);
                String context = "seed " + SEED + ", run " + run + ", step " + step + ", batch " + batch;
                Map<AccountId, BigInteger> expected = naive(reference, batch);
                try {
                    PostingRules.Posting posting = PostingRules.post(balances, batch);
                    assertThat(expected)
                            .as("reference refused, rules accepted: " + context)
                            .isNotNull();
                    posting.balances()
                            .forEach((a, b) -> assertThat(BigInteger.valueOf(b))
                                    .as(context)
                                    .isEqualTo(expected.get(a)));
                    checkEntries(balances, batch, posting, context);
                    balances.putAll(posting.balances());
                    reference.putAll(expected);
                } catch (Rejection refused) {
                    assertThat(refused.code()).as(context).isEqualTo("INSUFFICIENT_FUNDS");
                    assertThat(expected)
                            .as("reference accepted, rules refused: " + context)
                            .isNull();
                }
                assertThat(balances.values().stream().mapToLong(Long::longValue).sum())
                        .as(context)
                        .isZero();
                balances.forEach((a, b) -> assertThat(b >= 0 || a.kind() == AccountKind.BANK)
                        .as(context + " " + a)
                        .isTrue());
            }
        }
    }

    /** Each transfer gives two entries of opposite sign whose running balances chain from the starting balances. */
    private static void checkEntries(
            Map<AccountId, Long> before, List<TransferRequest> batch, PostingRules.Posting posting, String context) {
        assertThat(posting.entries()).as(context).hasSize(batch.size() * 2);
        Map<AccountId, Long> running = new HashMap<>(before);
        for (int i = 0; i < posting.entries().size(); i += 2) {
            PostingRules.Entry debit = posting.entries().get(i);
            PostingRules.Entry credit = posting.entries().get(i + 1);
            assertThat(debit.amount() + credit.amount()).as(context).isZero();
            for (PostingRules.Entry e : List.of(debit, credit)) {
                running.merge(e.account(), e.amount(), Long::sum);
                assertThat(e.balanceAfter()).as(context).isEqualTo(running.get(e.account()));
            }
        }
    }

    /** The reference: applies the batch with unbounded integers; null when any non-BANK account goes negative. */
    private static Map<AccountId, BigInteger> naive(Map<AccountId, BigInteger> start, List<TransferRequest> batch) {
        Map<AccountId, BigInteger> balances = new HashMap<>(start);
        for (TransferRequest t : batch) {
            BigInteger amount = BigInteger.valueOf(t.amount().minor());
            balances.put(t.from(), balances.get(t.from()).subtract(amount));
            balances.put(t.to(), balances.get(t.to()).add(amount));
            if (balances.get(t.from()).signum() < 0 && t.from().kind() != AccountKind.BANK) {
                return null;
            }
        }
        return balances;
    }

    private static List<TransferRequest> randomBatch(Random random) {
        int size = 1 + random.nextInt(3);
        List<TransferRequest> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            AccountId from = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            AccountId to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            while (to.equals(from)) {
                to = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
            }
            long amount = 1 + random.nextInt(random.nextBoolean() ? 100 : 100_000);
            batch.add(TransferRequest.of(from, to, Money.cny(amount), "TEST", "property"));
        }
        return batch;
    }
}
