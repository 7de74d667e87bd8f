package org.techmarket.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;

/**
 * Transfers asked for outside any transaction are committed in groups, and each caller still gets its own answer:
 * its transfer, or its own refusal, never another's.
 */
class TransferGroupCommitIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    TransferGroupCommit groupCommit;

    @Autowired
    CashService cash;

    @Autowired
    LedgerReports reports;

    @Autowired
    JdbcClient jdbc;

    private String organization(long fen) {
        String organization = fixtures.verifiedOrg("ENTERPRISE").id();
        if (fen > 0) {
            cash.recordCashIn(Actor.SYSTEM, organization, Money.cny(fen), Fixtures.unique("ref"));
        }
        return organization;
    }

    private static TransferRequest move(String from, String to, long fen) {
        return TransferRequest.of(
                AccountId.available(from, "CNY"), AccountId.available(to, "CNY"), Money.cny(fen), "TEST", "group");
    }

    private static TransferGroupCommit.Waiting waiting(TransferRequest request) {
        return new TransferGroupCommit.Waiting(Actor.SYSTEM, request, new CompletableFuture<>());
    }

    private static Object answer(TransferGroupCommit.Waiting caller) throws InterruptedException {
        try {
            return caller.answer().get();
        } catch (ExecutionException e) {
            return e.getCause() instanceof Rejection r ? r.code() : e.getCause();
        }
    }

    private long balance(String organization) {
        return ledger.balance(AccountId.available(organization, "CNY")).minor();
    }

    @Test
    void aGroupCommitsTogetherAndRefusesEachOverdraftAlone() throws Exception {
        String a = organization(1_000);
        String b = organization(0);
        String c = organization(0);
        List<TransferGroupCommit.Waiting> group = List.of(
                waiting(move(a, b, 600)),
                waiting(move(a, b, 600)),
                waiting(move(b, c, 500)),
                waiting(TransferRequest.of(
                        AccountId.available(a, "CNY"),
                        AccountId.escrow("deal-never-opened-" + Fixtures.unique("d"), "CNY"),
                        Money.cny(1),
                        "TEST",
                        "group")));

        groupCommit.commit(group);

        assertThat(answer(group.get(0))).isInstanceOf(Transfer.class);
        assertThat(answer(group.get(1))).isEqualTo(LedgerCodes.INSUFFICIENT_FUNDS.name());
        assertThat(answer(group.get(2))).as("spends what the first brought").isInstanceOf(Transfer.class);
        assertThat(answer(group.get(3))).isEqualTo(LedgerCodes.ESCROW_NOT_OPEN.name());
        Transfer first = group.get(0).answer().get();
        Transfer third = group.get(2).answer().get();
        assertThat(third.batchId()).as("one commit").isEqualTo(first.batchId());
        assertThat(List.of(balance(a), balance(b), balance(c))).containsExactly(400L, 100L, 500L);
        String payload = jdbc.sql("select payload from audit_event where subject = ?")
                .param("transfer-batch:" + first.batchId())
                .query(String.class)
                .single();
        assertThat(payload).contains(first.id(), third.id());
        assertThat(reports.check(Actor.SYSTEM).balanced()).isTrue();
    }

    @Test
    void aGroupThatFailsIsTriedTransferByTransferSoOnlyTheFaultyOneFails() throws Exception {
        String a = organization(1_000);
        String b = organization(0);
        TransferGroupCommit.Waiting sound = waiting(move(a, b, 100));
        TransferGroupCommit.Waiting faulty = waiting(TransferRequest.of(
                AccountId.available(a, "CNY"), AccountId.available(b, "CNY"), Money.cny(100), "TEST", "nul\u0000"));

        groupCommit.commit(List.of(sound, faulty));

        assertThat(answer(sound)).isInstanceOf(Transfer.class);
        assertThat(answer(faulty)).isNotInstanceOf(Transfer.class);
        assertThat(List.of(balance(a), balance(b))).containsExactly(900L, 100L);
    }

    @Test
    void racingTransfersOutsideATransactionNeverSpendTheSameMoneyTwice() throws Exception {
        String a = organization(1_000);
        String b = organization(0);

        List<Object> answers = Race.race(20, i -> () -> {
            try {
                return ledger.transfer(Actor.SYSTEM, move(a, b, 100));
            } catch (Rejection refused) {
                return refused.code();
            }
        });

        assertThat(answers.stream().filter(Transfer.class::isInstance)).hasSize(10);
        assertThat(answers.stream().filter(LedgerCodes.INSUFFICIENT_FUNDS.name()::equals))
                .hasSize(10);
        assertThat(List.of(balance(a), balance(b))).containsExactly(0L, 1_000L);
        assertThat(reports.check(Actor.SYSTEM).balanced()).isTrue();
    }

    @Test
    void everyOneOfManyRacingCallersIsAnsweredAndTheirTransfersShareCommits() throws Exception {
        int callers = 12;
        int each = 15;
        List<String[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < callers; i++) {
            pairs.add(new String[] {organization(1_000), organization(0)});
        }

        String cause = Fixtures.unique("many");

        List<Object> answered = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(120),
                () -> Race.race(callers, i -> () -> {
                    String[] pair = pairs.get(i);
                    for (int n = 0; n < each; n++) {
                        ledger.transfer(
                                Actor.SYSTEM,
                                TransferRequest.of(
                                        AccountId.available(pair[n % 2], "CNY"),
                                        AccountId.available(pair[(n + 1) % 2], "CNY"),
                                        Money.cny(10),
                                        "TEST",
                                        cause));
                    }
                    return (Object) i;
                }));

        assertThat(answered)
                .as("no caller is left waiting for a turn nobody hands it")
                .hasSize(callers);
        for (String[] pair : pairs) {
            assertThat(List.of(balance(pair[0]), balance(pair[1])))
                    .as("an odd number of moves of 10 from the first to the second and back")
                    .containsExactly(990L, 10L);
        }
        long batches = jdbc.sql("select count(distinct batch_id) from ledger_transfer where cause = ?")
                .param(cause)
                .query(Long.class)
                .single();
        long transfers = jdbc.sql("select count(*) from ledger_transfer where cause = ?")
                .param(cause)
                .query(Long.class)
                .single();
        assertThat(transfers).isEqualTo((long) callers * each);
        assertThat(batches).as("transfers of racing callers share commits").isLessThan(transfers);
        assertThat(reports.check(Actor.SYSTEM).balanced()).isTrue();
    }
}
