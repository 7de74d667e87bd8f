package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.ledger.application.CashService;
import org.techmarket.ledger.application.LedgerReports;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * The bank test: many threads move random amounts among a set of accounts for a while, by transfers, batches,
 * holds, captures and releases. Throughout, readers see the set's total unchanged and no balance below zero; at the
 * end every acknowledged movement is in the journal exactly once, nothing else is, and each balance is what the
 * acknowledged movements add up to.
 */
class LedgerBankConcurrencyIT extends IntegrationTest {

    private static final long SEED = 7_3101L;
    private static final int ORGANIZATIONS = 6;
    private static final long FUNDING = 1_000_000;
    private static final int WORKERS = 8;
    private static final Duration RUN = Duration.ofSeconds(6);
    private static final Set<String> EXPECTED_REFUSALS =
            Set.of("INSUFFICIENT_FUNDS", "EXCEEDS_HOLD", "HOLD_NOT_ACTIVE");

    @Autowired
    Ledger ledger;

    @Autowired
    CashService cash;

    @Autowired
    LedgerReports reports;

    @Autowired
    JdbcClient jdbc;

    private final List<AccountId> movable = new ArrayList<>();
    private final List<AccountId> everyAccount = new ArrayList<>();
    private final List<String> organizations = new ArrayList<>();
    private final Queue<String> activeHolds = new ConcurrentLinkedQueue<>();
    /** Acknowledged transfers by id, and acknowledged hold steps by hold. */
    private final Map<String, Transfer> acknowledged = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> holdSteps = new ConcurrentHashMap<>();
    private final Map<AccountId, AtomicLong> expected = new ConcurrentHashMap<>();
    private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final String run = UUID.randomUUID().toString();

    @Test
    void totalsHoldNoBalanceGoesNegativeAndEveryAcknowledgedMovementIsThereExactlyOnce() throws Exception {
        setUp();
        long total = ORGANIZATIONS * FUNDING;
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        long until = System.nanoTime() + RUN.toNanos();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Random random = new Random(SEED + w);
            workers.add(pool.submit(() -> {
                start.await();
                int operations = 0;
                while (System.nanoTime() < until) {
                    act(random);
                    operations++;
                }
                return operations;
            }));
        }
        Future<Integer> reader = pool.submit(() -> {
            start.await();
            int reads = 0;
            while (System.nanoTime() < until) {
                checkWhileRunning(total, reads++);
                Thread.sleep(5);
            }
            return reads;
        });
        start.countDown();
        int operations = 0;
        for (Future<Integer> worker : workers) {
            operations += worker.get();
        }
        int reads = reader.get();
        pool.shutdown();

        System.out.printf(
                "Bank test: %d operations, %d transfers and %d holds acknowledged, refusals %s, %d reads%n",
                operations, acknowledged.size(), holdSteps.size(), refusals, reads);
        assertThat(unexpected).as("unexpected failures").isEmpty();
        assertThat(operations).isGreaterThan(100);
        assertThat(reads).isGreaterThan(10);
        checkAtTheEnd(total);
    }

    private void setUp() {
        for (int i = 0; i < ORGANIZATIONS; i++) {
            String organization = fixtures.verifiedOrg("ENTERPRISE").id();
            organizations.add(organization);
            cash.recordCashIn(Actor.SYSTEM, organization, Money.cny(FUNDING), Fixtures.unique("bank-test"));
            movable.add(AccountId.available(organization, "CNY"));
            everyAccount.add(AccountId.available(organization, "CNY"));
            everyAccount.add(AccountId.held(organization, "CNY"));
        }
        for (int i = 0; i < 2; i++) {
            movable.add(ledger.openEscrow(Actor.SYSTEM, "bank-test-" + run + "-" + i, "CNY"));
        }
        movable.add(AccountId.fees("bank-test-venue-" + run, "CNY"));
        everyAccount.addAll(movable.subList(ORGANIZATIONS, movable.size()));
        everyAccount.forEach(
                a -> expected.put(a, new AtomicLong(ledger.balance(a).minor())));
    }

    private void act(Random random) {
        try {
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> transfer(random);
                case 3 -> batch(random);
                case 4, 5 -> hold(random);
                case 6, 7 -> capture(random);
                default -> release();
            }
        } catch (Rejection refused) {
            if (!EXPECTED_REFUSALS.contains(refused.code())) {
                unexpected.add(refused);
            }
            refusals.computeIfAbsent(refused.code(), code -> new AtomicInteger())
                    .incrementAndGet();
        } catch (RuntimeException | AssertionError e) {
            unexpected.add(e);
        }
    }

    private TransferRequest randomTransfer(Random random) {
        AccountId from = movable.get(random.nextInt(movable.size()));
        AccountId to = movable.get(random.nextInt(movable.size()));
        while (to.equals(from)) {
            to = movable.get(random.nextInt(movable.size()));
        }
        return TransferRequest.of(from, to, Money.cny(1 + random.nextInt(60_000)), "BANK_TEST", "bank-test:" + run);
    }

    private void transfer(Random random) {
        acknowledge(List.of(ledger.transfer(Actor.SYSTEM, randomTransfer(random))));
    }

    private void batch(Random random) {
        List<TransferRequest> batch = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            batch.add(randomTransfer(random));
        }
        acknowledge(ledger.transferAll(Actor.SYSTEM, batch));
    }

    private void hold(Random random) {
        String organization = organizations.get(random.nextInt(organizations.size()));
        Hold hold = ledger.hold(
                Actor.SYSTEM,
                new HoldRequest(
                        organization,
                        Money.cny(1 + random.nextInt(80_000)),
                        "BANK_TEST",
                        "bank-test:" + run,
                        Optional.empty()));
        holdSteps.put(hold.id(), new AtomicInteger(1));
        move(hold.availableAccount(), hold.heldAccount(), hold.amount().minor());
        activeHolds.add(hold.id());
    }

    private void capture(Random random) {
        String id = activeHolds.poll();
        if (id == null) {
            return;
        }
        Hold before = ledger.findHold(id).orElseThrow();
        long amount = 1
                + random.nextInt(
                        (int) Math.min(before.remaining().minor() + random.nextInt(100), Integer.MAX_VALUE - 1));
        AccountId destination = movable.get(random.nextInt(movable.size()));
        try {
            Hold after = ledger.capture(Actor.SYSTEM, id, Money.cny(amount), destination);
            holdSteps.get(id).incrementAndGet();
            move(after.heldAccount(), destination, amount);
            if (after.status() == HoldStatus.ACTIVE) {
                activeHolds.add(id);
            }
        } catch (Rejection refused) {
            activeHolds.add(id);
            throw refused;
        }
    }

    private void release() {
        String id = activeHolds.poll();
        if (id == null) {
            return;
        }
        Hold before = ledger.findHold(id).orElseThrow();
        Hold after = ledger.release(Actor.SYSTEM, id);
        holdSteps.get(id).incrementAndGet();
        assertThat(after.captured()).isEqualTo(before.captured());
        move(after.heldAccount(), after.availableAccount(), before.remaining().minor());
    }

    private void acknowledge(List<Transfer> transfers) {
        for (Transfer t : transfers) {
            assertThat(acknowledged.putIfAbsent(t.id(), t))
                    .as("transfer id given twice")
                    .isNull();
            move(t.from(), t.to(), t.amount().minor());
        }
    }

    private void move(AccountId from, AccountId to, long amount) {
        expected.get(from).addAndGet(-amount);
        expected.get(to).addAndGet(amount);
    }

    /** One consistent read of the whole set: a single statement sees a single snapshot. */
    private void checkWhileRunning(long total, int read) {
        Map<String, Object> seen = jdbc.sql("""
                select coalesce(sum(balance), 0) as total, coalesce(min(balance), 0) as lowest, count(*) as accounts
                from ledger_account where id = any(?)""")
                .param(everyAccount.stream().map(AccountId::key).toArray(String[]::new))
                .query()
                .singleRow();
        if (((Number) seen.get("total")).longValue() != total || ((Number) seen.get("lowest")).longValue() < 0) {
            unexpected.add(new AssertionError("read " + read + " saw " + seen));
        }
        if (read % 20 == 0 && !reports.check(Actor.SYSTEM).balanced()) {
            unexpected.add(new AssertionError("balance check failed at read " + read));
        }
    }

    private void checkAtTheEnd(long total) {
        long sum = 0;
        for (AccountId account : everyAccount) {
            long balance = ledger.balance(account).minor();
            assertThat(balance)
                    .as(account.key())
                    .isEqualTo(expected.get(account).get())
                    .isGreaterThanOrEqualTo(0);
            sum += balance;
        }
        assertThat(sum).isEqualTo(total);

        List<String> journaled = jdbc.sql("select id from ledger_transfer where cause = ?")
                .param("bank-test:" + run)
                .query(String.class)
                .list();
        assertThat(journaled).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        holdSteps.forEach((hold, steps) -> assertThat(jdbc.sql("select count(*) from ledger_transfer where cause = ?")
                        .param("hold:" + hold)
                        .query(Long.class)
                        .single())
                .as(hold)
                .isEqualTo(steps.get()));
        assertThat(jdbc.sql("select count(*) from ledger_hold where cause = ?")
                        .param("bank-test:" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(holdSteps.size());

        LedgerReports.BalanceCheck check = reports.check(Actor.SYSTEM);
        assertThat(check.balanced()).as(check.toString()).isTrue();
    }
}
