package org.techmarket.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.ledger.Ledger;
import org.techmarket.ledger.LedgerCodes;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.ledger.domain.PostingRules;
import org.techmarket.shared.Actor;
import org.techmarket.shared.CanonicalJson;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;

/**
 * A group posted in one statement ({@code ledger_post_each}) gives what the posting rules give, request by request, on
 * generated groups: the same refusals, the same balances, the same entries with the same balance after each, and an
 * audit event listing exactly the accepted transfers as the ledger writes it elsewhere. A batch posted all or none in
 * one statement of the caller's transaction ({@code ledger_post_all}) gives what the rules give for the whole batch,
 * and a refused one writes nothing.
 */
class GroupPostingIT extends IntegrationTest {

    @Autowired
    Postings postings;

    @Autowired
    LedgerAudit audit;

    @Autowired
    Ledger ledger;

    @Autowired
    CashService cash;

    @Autowired
    LedgerReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void generatedGroupsGiveWhatThePostingRulesGiveRequestByRequest() {
        Random random = new Random(16);
        for (int round = 0; round < 12; round++) {
            List<AccountId> accounts = accounts(random);
            List<TransferRequest> group = new ArrayList<>();
            int size = 1 + random.nextInt(24);
            for (int i = 0; i < size; i++) {
                generated(random, accounts, 700, "generated group").ifPresent(group::add);
            }
            if (group.isEmpty()) {
                continue;
            }
            Map<AccountId, Long> before = balances(accounts);
            Reference expected = reference(before, group);

            List<Postings.Outcome> outcomes =
                    postings.postEachCommitting(Actor.SYSTEM.auditName(), group, audit::transfersPosted);

            List<String> codes = outcomes.stream()
                    .map(o -> o.refusal().map(Rejection::code).orElse("posted"))
                    .toList();
            assertThat(codes).as("round %d: %s", round, group).isEqualTo(expected.codes());
            for (int i = 0; i < group.size(); i++) {
                Optional<Rejection> refusal = outcomes.get(i).refusal();
                if (refusal.isPresent()) {
                    assertThat(refusal.get().getMessage())
                            .as("the rules' own words")
                            .isEqualTo(expected.refusals().get(i).getMessage());
                }
            }
            assertThat(balances(accounts)).as("round %d", round).isEqualTo(expected.balances());
            List<Transfer> posted =
                    outcomes.stream().flatMap(o -> o.transfer().stream()).toList();
            assertThat(entries(posted)).as("entries and balances after each").isEqualTo(expected.entries());
            if (posted.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> listed = new ArrayList<>();
            posted.forEach(t -> listed.add(payload(t)));
            assertThat(jdbc.sql("select payload from audit_event where subject = ?")
                            .param("transfer-batch:" + posted.get(0).batchId())
                            .query(String.class)
                            .list())
                    .as("one event listing the accepted transfers, written as canonical JSON")
                    .containsExactly(CanonicalJson.write(Map.of("transfers", listed)));
        }
        assertThat(reports.check(Actor.SYSTEM).balanced()).isTrue();
    }

    @Test
    void generatedBatchesPostedAllOrNoneInsideATransactionGiveWhatThePostingRulesGive() {
        Random random = new Random(102);
        int posted = 0;
        int refused = 0;
        for (int round = 0; round < 40; round++) {
            List<AccountId> accounts = accounts(random);
            List<TransferRequest> batch = new ArrayList<>();
            int size = 1 + random.nextInt(4);
            while (batch.size() < size) {
                generated(random, accounts, 500, "generated batch").ifPresent(batch::add);
            }
            Map<AccountId, Long> before = balances(accounts);
            Map<AccountId, Long> opened = new HashMap<>(before);
            batch.forEach(t -> List.of(t.from(), t.to()).forEach(account -> {
                if (account.kind() != AccountKind.ESCROW) {
                    opened.putIfAbsent(account, 0L);
                }
            }));
            Optional<Rejection> expected = Optional.empty();
            Map<AccountId, Long> expectedBalances = opened;
            List<String> expectedEntries = List.of();
            try {
                // the Java path: every escrow open first, then the rules in order on the locked balances
                for (TransferRequest t : batch) {
                    for (AccountId account : List.of(t.from(), t.to())) {
                        if (!opened.containsKey(account)) {
                            throw new Rejection(
                                    Rejection.Kind.NOT_FOUND,
                                    LedgerCodes.ESCROW_NOT_OPEN,
                                    "The escrow account of " + account.owner() + " in CNY is not open");
                        }
                    }
                }
                PostingRules.Posting posting = PostingRules.post(opened, batch);
                expectedBalances = posting.balances();
                expectedEntries = posting.entries().stream()
                        .map(e -> e.account().key() + " " + e.amount() + " " + e.balanceAfter())
                        .toList();
            } catch (Rejection refusal) {
                expected = Optional.of(refusal);
            }

            List<Transfer> transfers = new ArrayList<>();
            Optional<Rejection> actual = transactions.execute(tx -> {
                try {
                    transfers.addAll(
                            postings.post(Actor.SYSTEM.auditName(), batch).transfers());
                    return Optional.<Rejection>empty();
                } catch (Rejection refusal) {
                    // committed all the same: a refused batch must have written nothing to commit
                    return Optional.of(refusal);
                }
            });

            assertThat(actual.map(Rejection::code))
                    .as("round %d: %s", round, batch)
                    .isEqualTo(expected.map(Rejection::code));
            assertThat(actual.map(Rejection::getMessage))
                    .as("the rules' own words")
                    .isEqualTo(expected.map(Rejection::getMessage));
            Map<AccountId, Long> after = balances(accounts);
            if (expected.isPresent()) {
                refused++;
                after.keySet().removeIf(a -> !before.containsKey(a) && after.get(a) == 0L);
                assertThat(after)
                        .as("round %d: a refused batch moves nothing", round)
                        .isEqualTo(before);
            } else {
                posted++;
                assertThat(after).as("round %d", round).isEqualTo(expectedBalances);
                assertThat(entries(transfers))
                        .as("round %d: entries and balances after each", round)
                        .isEqualTo(expectedEntries);
            }
        }
        assertThat(posted).as("batches posted").isPositive();
        assertThat(refused).as("batches refused").isPositive();
        assertThat(reports.check(Actor.SYSTEM).balanced()).isTrue();
    }

    @Test
    void aGroupOfRefusalsWritesNothingAndRecordsNoEvent() {
        String payer = organization(100);
        AccountId from = AccountId.available(payer, "CNY");
        AccountId unopened = AccountId.escrow(Fixtures.unique("deal"), "CNY");
        AccountId payee = AccountId.available(organization(0), "CNY");
        long events = transfersPostedEvents();

        List<Postings.Outcome> outcomes = postings.postEachCommitting(
                Actor.SYSTEM.auditName(),
                List.of(
                        TransferRequest.of(from, unopened, Money.cny(1), "TEST", "refused"),
                        TransferRequest.of(from, payee, Money.cny(101), "TEST", "refused")),
                audit::transfersPosted);

        assertThat(outcomes.stream().map(o -> o.refusal().orElseThrow().code()))
                .containsExactly("ESCROW_NOT_OPEN", "INSUFFICIENT_FUNDS");
        assertThat(ledger.balance(from).minor()).isEqualTo(100);
        assertThat(ledger.balance(payee).minor()).isZero();
        assertThat(jdbc.sql("select count(*) from ledger_account where id = ?")
                        .param(unopened.key())
                        .query(Long.class)
                        .single())
                .as("an escrow is opened by its deal, never by a transfer")
                .isZero();
        assertThat(transfersPostedEvents()).isEqualTo(events);
    }

    private long transfersPostedEvents() {
        return jdbc.sql("select count(*) from audit_event where type = 'TransfersPosted'")
                .query(Long.class)
                .single();
    }

    @Test
    void aGroupIsPostedOnlyOutsideATransactionSinceItsStatementCommits() {
        TransferRequest request = TransferRequest.of(
                AccountId.available(organization(100), "CNY"),
                AccountId.available(organization(0), "CNY"),
                Money.cny(1),
                "TEST",
                "inside");

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> postings.postEachCommitting(
                        Actor.SYSTEM.auditName(), List.of(request), audit::transfersPosted)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.balance(request.from()).minor()).isEqualTo(100);
    }

    @Test
    void callersMovingMoneyAroundARingBothWaysAtOnceAreAllAnsweredWithoutADeadlock() throws Exception {
        int size = 6;
        List<String> ring = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ring.add(organization(1_000));
        }
        String cause = Fixtures.unique("ring");

        List<List<Object>> answers = Race.race(2 * size, caller -> () -> {
            int step = caller < size ? 1 : size - 1;
            List<Object> mine = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                int from = (caller + n) % size;
                try {
                    mine.add(ledger.transfer(
                            Actor.SYSTEM,
                            TransferRequest.of(
                                    AccountId.available(ring.get(from), "CNY"),
                                    AccountId.available(ring.get((from + step) % size), "CNY"),
                                    Money.cny(150),
                                    "TEST",
                                    cause)));
                } catch (Rejection refused) {
                    mine.add(refused.code());
                }
            }
            return mine;
        });

        List<Object> all = answers.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(2 * size * 10);
        assertThat(all).allMatch(a -> a instanceof Transfer || "INSUFFICIENT_FUNDS".equals(a));
        long posted = all.stream().filter(Transfer.class::isInstance).count();
        assertThat(jdbc.sql("select count(*) from ledger_transfer where cause = ?")
                        .param(cause)
                        .query(Long.class)
                        .single())
                .isEqualTo(posted);
        assertThat(ring.stream()
                        .mapToLong(o ->
                                ledger.balance(AccountId.available(o, "CNY")).minor())
                        .sum())
                .as("money moved around the ring, none made or lost")
                .isEqualTo(size * 1_000L);
        assertThat(reports.check(Actor.SYSTEM).balanced()).isTrue();
    }

    private String organization(long fen) {
        String organization = fixtures.verifiedOrg("ENTERPRISE").id();
        if (fen > 0) {
            cash.recordCashIn(Actor.SYSTEM, organization, Money.cny(fen), Fixtures.unique("ref"));
        }
        return organization;
    }

    /**
     * Accounts of fresh organizations and venues, some funded and some never used (so created by the posting), the market's
     * BANK account (which may go below zero), a deal's escrow that is open and one that is not.
     */
    private List<AccountId> accounts(Random random) {
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String organization = organization(random.nextInt(3) == 0 ? 0 : random.nextInt(1_500));
            accounts.add(AccountId.available(organization, "CNY"));
            // a venue's fees rather than the organization's HELD account, whose balance must match its holds
            accounts.add(AccountId.fees(Fixtures.unique("venue"), "CNY"));
        }
        accounts.add(AccountId.bank("CNY"));
        accounts.add(ledger.openEscrow(Actor.SYSTEM, Fixtures.unique("deal"), "CNY"));
        accounts.add(AccountId.escrow(Fixtures.unique("deal"), "CNY"));
        return accounts;
    }

    /** The balances of the accounts that exist. */
    private Map<AccountId, Long> balances(List<AccountId> accounts) {
        Map<AccountId, Long> balances = new HashMap<>();
        jdbc.sql("select id, balance from ledger_account where id = any(?::text[])")
                .param(accounts.stream().map(AccountId::key).toArray(String[]::new))
                .query(rs -> {
                    balances.put(AccountId.parse(rs.getString(1)), rs.getLong(2));
                });
        return balances;
    }

    /** What the posting rules give, request by request: codes, refusals, balances and entries. */
    record Reference(
            List<String> codes, List<Rejection> refusals, Map<AccountId, Long> balances, List<String> entries) {}

    /**
     * The naive reference: each request alone through {@link PostingRules#post} on the balances the ones before left;
     * an account missing but escrow starts at zero once a request touches it, an escrow missing refuses the request.
     */
    private static Reference reference(Map<AccountId, Long> before, List<TransferRequest> group) {
        Map<AccountId, Long> running = new HashMap<>(before);
        List<String> codes = new ArrayList<>();
        List<Rejection> refusals = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (TransferRequest request : group) {
            for (AccountId account : List.of(request.from(), request.to())) {
                if (account.kind() != AccountKind.ESCROW) {
                    running.putIfAbsent(account, 0L);
                }
            }
            try {
                if (!running.containsKey(request.from()) || !running.containsKey(request.to())) {
                    AccountId missing = running.containsKey(request.from()) ? request.to() : request.from();
                    throw new Rejection(
                            Rejection.Kind.NOT_FOUND,
                            LedgerCodes.ESCROW_NOT_OPEN,
                            "The escrow account of " + missing.owner() + " in CNY is not open");
                }
                PostingRules.Posting posting = PostingRules.post(running, List.of(request));
                running = new HashMap<>(posting.balances());
                posting.entries()
                        .forEach(e -> entries.add(e.account().key() + " " + e.amount() + " " + e.balanceAfter()));
                codes.add("posted");
                refusals.add(null);
            } catch (Rejection refused) {
                codes.add(refused.code());
                refusals.add(refused);
            }
        }
        return new Reference(codes, refusals, running, entries);
    }

    /** The entries of the transfers in posting order: account, signed amount, balance after. */
    private List<String> entries(List<Transfer> posted) {
        if (posted.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select account_id || ' ' || amount || ' ' || balance_after from ledger_entry"
                        + " where transfer_id = any(?::text[]) order by sequence")
                .param(posted.stream().map(Transfer::id).toArray(String[]::new))
                .query(String.class)
                .list();
    }

    private static Map<String, Object> payload(Transfer t) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", t.id());
        payload.put("from", t.from().key());
        payload.put("to", t.to().key());
        payload.put("amount", t.amount());
        payload.put("reason", t.reason());
        payload.put("cause", t.cause());
        return payload;
    }

    /**
     * A transfer between two of the accounts drawn at random, of 1 to {@code most} (one in twenty within ten of the
     * largest amount, to overflow a balance); none when the draw names one account twice.
     */
    private static Optional<TransferRequest> generated(
            Random random, List<AccountId> accounts, int most, String reason) {
        AccountId from = accounts.get(random.nextInt(accounts.size()));
        AccountId to = accounts.get(random.nextInt(accounts.size()));
        if (from.equals(to)) {
            return Optional.empty();
        }
        long amount = random.nextInt(20) == 0 ? Long.MAX_VALUE - random.nextInt(10) : 1 + random.nextInt(most);
        return Optional.of(TransferRequest.of(from, to, Money.cny(amount), "TEST", reason));
    }
}
