package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.application.CashService;
import org.techmarket.ledger.application.HoldExpiry;
import org.techmarket.ledger.application.LedgerReports;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** The ledger's Java API as the auction and deal modules will use it: holds, escrow, transfers and expiry. */
class LedgerJavaApiIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    CashService cash;

    @Autowired
    HoldExpiry expiry;

    @Autowired
    LedgerReports reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    private String fundedOrganization(long fen) {
        String organization = fixtures.verifiedOrg("ENTERPRISE").id();
        cash.recordCashIn(Actor.SYSTEM, organization, Money.cny(fen), Fixtures.unique("ref"));
        return organization;
    }

    private long balance(AccountId account) {
        return ledger.balance(account).minor();
    }

    private void assertLedgerSound() {
        LedgerReports.BalanceCheck check = reports.check(Actor.SYSTEM);
        assertThat(check.balanced()).as(check.toString()).isTrue();
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (Rejection r) {
            return r.code();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aDepositIsHeldThenPartlyCapturedIntoEscrowAndTheRestReleased() {
        String bidder = fundedOrganization(100_000);
        String deal = "deal-" + UUID.randomUUID();
        AccountId escrow = ledger.openEscrow(Actor.SYSTEM, deal, "CNY");

        Hold hold = ledger.hold(
                Actor.SYSTEM,
                new HoldRequest(
                        bidder,
                        Money.cny(30_000),
                        "AUCTION_DEPOSIT",
                        "auction:" + deal,
                        Optional.of(clock.instant().plus(Duration.ofDays(3)))));
        assertThat(balance(AccountId.available(bidder, "CNY"))).isEqualTo(70_000);
        assertThat(balance(AccountId.held(bidder, "CNY"))).isEqualTo(30_000);

        Hold captured = ledger.capture(Actor.SYSTEM, hold.id(), Money.cny(20_000), escrow);
        assertThat(captured.status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(captured.remaining()).isEqualTo(Money.cny(10_000));
        assertThat(balance(escrow)).isEqualTo(20_000);

        Hold released = ledger.release(Actor.SYSTEM, hold.id());
        assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(ledger.findHold(hold.id())).contains(released);
        assertThat(balance(AccountId.available(bidder, "CNY"))).isEqualTo(80_000);
        assertThat(balance(AccountId.held(bidder, "CNY"))).isZero();
        assertThat(code(() -> ledger.capture(Actor.SYSTEM, hold.id(), Money.cny(1), escrow)))
                .isEqualTo("HOLD_NOT_ACTIVE");
        assertThat(code(() -> ledger.release(Actor.SYSTEM, "no-such-hold"))).isEqualTo("NOT_FOUND");
        assertLedgerSound();
    }

    @Test
    void aCaptureTheReleaseOfTheRestAndFurtherTransfersArePostedAsOneBatch() {
        String buyer = fundedOrganization(100_000);
        String deal = "deal-" + UUID.randomUUID();
        AccountId escrow = ledger.openEscrow(Actor.SYSTEM, deal, "CNY");
        AccountId available = AccountId.available(buyer, "CNY");
        Hold hold = ledger.hold(
                Actor.SYSTEM, new HoldRequest(buyer, Money.cny(30_000), "DEAL_DEPOSIT", "d:" + deal, Optional.empty()));

        Hold left = ledger.captureAndTransfer(
                Actor.SYSTEM,
                hold.id(),
                Money.cny(20_000),
                escrow,
                true,
                List.of(TransferRequest.of(available, escrow, Money.cny(50_000), "DEAL_FUNDING", "deal:" + deal)));

        assertThat(left.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(left.captured()).isEqualTo(Money.cny(20_000));
        assertThat(left.remaining()).isEqualTo(Money.cny(0));
        assertThat(ledger.findHold(hold.id())).contains(left);
        assertThat(balance(escrow)).isEqualTo(70_000);
        assertThat(balance(available))
                .as("the released 10,000 back, 50,000 out")
                .isEqualTo(30_000);
        assertThat(balance(AccountId.held(buyer, "CNY"))).isZero();
        assertThat(jdbc.sql("select count(distinct batch_id) from ledger_transfer where cause in (?, ?)")
                        .params("hold:" + hold.id(), "deal:" + deal)
                        .query(Long.class)
                        .single())
                .as("the hold's placing, then one batch for the capture, the release and the funding")
                .isEqualTo(2L);
        assertThat(jdbc.sql("select type from audit_event where subject = ? order by id")
                        .param("hold:" + hold.id())
                        .query(String.class)
                        .list())
                .containsExactly("HoldPlaced", "HoldCaptured", "HoldReleased");
        assertLedgerSound();
    }

    @Test
    void aCaptureWhoseFurtherTransferIsRefusedMovesNothing() {
        String buyer = fundedOrganization(40_000);
        String deal = "deal-" + UUID.randomUUID();
        AccountId escrow = ledger.openEscrow(Actor.SYSTEM, deal, "CNY");
        AccountId available = AccountId.available(buyer, "CNY");
        Hold hold = ledger.hold(
                Actor.SYSTEM, new HoldRequest(buyer, Money.cny(30_000), "DEAL_DEPOSIT", "d:" + deal, Optional.empty()));

        assertThat(code(() -> ledger.captureAndTransfer(
                        Actor.SYSTEM,
                        hold.id(),
                        Money.cny(20_000),
                        escrow,
                        true,
                        List.of(TransferRequest.of(
                                available, escrow, Money.cny(20_001), "DEAL_FUNDING", "deal:" + deal)))))
                .as("10,000 available and 10,000 released are 20,000, one fen short")
                .isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(code(() -> ledger.captureAndTransfer(
                        Actor.SYSTEM,
                        hold.id(),
                        Money.cny(1),
                        escrow,
                        false,
                        List.of(TransferRequest.of(
                                available,
                                AccountId.held(buyer, "CNY"),
                                Money.cny(1),
                                "DEAL_FUNDING",
                                "deal:" + deal)))))
                .isEqualTo("ACCOUNT_NOT_MOVABLE");
        assertThat(code(() ->
                        ledger.captureAndTransfer(Actor.SYSTEM, hold.id(), Money.cny(30_001), escrow, true, List.of())))
                .isEqualTo("EXCEEDS_HOLD");

        assertThat(ledger.findHold(hold.id())).contains(hold);
        assertThat(balance(escrow)).isZero();
        assertThat(balance(available)).isEqualTo(10_000);
        assertThat(balance(AccountId.held(buyer, "CNY"))).isEqualTo(30_000);
        assertLedgerSound();
    }

    @Test
    void otherModulesMoveMoneyOnlyBetweenAvailableFeesAndOpenEscrowAccounts() {
        String buyer = fundedOrganization(10_000);
        AccountId available = AccountId.available(buyer, "CNY");
        String deal = "deal-" + UUID.randomUUID();
        AccountId escrow = AccountId.escrow(deal, "CNY");

        assertThat(code(() -> ledger.transfer(
                        Actor.SYSTEM,
                        TransferRequest.of(available, escrow, Money.cny(1), "PURCHASE_PRICE", "deal:" + deal))))
                .isEqualTo("ESCROW_NOT_OPEN");
        assertThat(code(() -> ledger.transfer(
                        Actor.SYSTEM,
                        TransferRequest.of(available, AccountId.held(buyer, "CNY"), Money.cny(1), "X_Y", "c"))))
                .isEqualTo("ACCOUNT_NOT_MOVABLE");
        assertThat(code(() -> ledger.transfer(
                        Actor.SYSTEM, TransferRequest.of(AccountId.bank("CNY"), available, Money.cny(1), "X_Y", "c"))))
                .isEqualTo("ACCOUNT_NOT_MOVABLE");

        assertThat(ledger.openEscrow(Actor.SYSTEM, deal, "CNY")).isEqualTo(escrow);
        assertThat(ledger.openEscrow(Actor.SYSTEM, deal, "CNY")).isEqualTo(escrow);
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'EscrowOpened' and subject = ?")
                        .param("account:" + escrow.key())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Transfer paid = ledger.transfer(
                Actor.SYSTEM,
                TransferRequest.of(available, escrow, Money.cny(4_000), "PURCHASE_PRICE", "deal:" + deal));
        assertThat(paid.amount()).isEqualTo(Money.cny(4_000));
        assertThat(balance(escrow)).isEqualTo(4_000);
        Hold hold = ledger.hold(Actor.SYSTEM, new HoldRequest(buyer, Money.cny(100), "DEPOSIT", "c", Optional.empty()));
        assertThat(code(() -> ledger.capture(Actor.SYSTEM, hold.id(), Money.cny(100), AccountId.bank("CNY"))))
                .isEqualTo("ACCOUNT_NOT_MOVABLE");
        assertLedgerSound();
    }

    @Test
    void aBatchPostsAllItsTransfersOrNone() {
        String buyer = fundedOrganization(10_000);
        String seller = fixtures.verifiedOrg("ENTERPRISE").id();
        AccountId buyerAccount = AccountId.available(buyer, "CNY");
        AccountId fees = AccountId.fees("venue-" + UUID.randomUUID(), "CNY");
        String cause = "deal:" + UUID.randomUUID();

        assertThat(code(() -> ledger.transferAll(
                        Actor.SYSTEM,
                        List.of(
                                TransferRequest.of(
                                        buyerAccount,
                                        AccountId.available(seller, "CNY"),
                                        Money.cny(9_000),
                                        "PRICE",
                                        cause),
                                TransferRequest.of(buyerAccount, fees, Money.cny(1_001), "VENUE_FEE", cause)))))
                .isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(balance(buyerAccount)).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from ledger_transfer where cause = ?")
                        .param(cause)
                        .query(Long.class)
                        .single())
                .isZero();

        List<Transfer> posted = ledger.transferAll(
                Actor.SYSTEM,
                List.of(
                        TransferRequest.of(
                                buyerAccount, AccountId.available(seller, "CNY"), Money.cny(9_000), "PRICE", cause),
                        TransferRequest.of(
                                AccountId.available(seller, "CNY"), fees, Money.cny(900), "VENUE_FEE", cause)));
        assertThat(posted)
                .extracting(Transfer::batchId)
                .containsOnly(posted.get(0).batchId());
        assertThat(balance(AccountId.available(seller, "CNY"))).isEqualTo(8_100);
        assertThat(balance(fees)).isEqualTo(900);
        assertLedgerSound();
    }

    @Test
    void aBatchPostedAtCommitMovesNothingUntilTheTransactionCommitsThenAllOfIt() {
        String buyer = fundedOrganization(10_000);
        String seller = fixtures.verifiedOrg("ENTERPRISE").id();
        AccountId buyerAccount = AccountId.available(buyer, "CNY");
        AccountId sellerAccount = AccountId.available(seller, "CNY");
        AccountId fees = AccountId.fees("venue-" + UUID.randomUUID(), "CNY");
        String cause = "deal:" + UUID.randomUUID();

        List<Transfer> named = transactions.execute(tx -> {
            List<Transfer> transfers = ledger.transferAllAtCommit(
                    Actor.SYSTEM,
                    List.of(
                            TransferRequest.of(buyerAccount, sellerAccount, Money.cny(9_000), "PRICE", cause),
                            TransferRequest.of(sellerAccount, fees, Money.cny(900), "VENUE_FEE", cause)));
            assertThat(balance(buyerAccount))
                    .as("nothing moves before the commit")
                    .isEqualTo(10_000);
            assertThat(transfersOf(cause)).isZero();
            return transfers;
        });

        assertThat(balance(buyerAccount)).isEqualTo(1_000);
        assertThat(balance(sellerAccount)).isEqualTo(8_100);
        assertThat(balance(fees)).isEqualTo(900);
        assertThat(jdbc.sql("select id from ledger_transfer where cause = ? order by id")
                        .param(cause)
                        .query(String.class)
                        .list())
                .as("the transfers are those named when they were asked for")
                .containsExactlyInAnyOrderElementsOf(
                        named.stream().map(Transfer::id).toList());
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'TransfersPosted' and payload like ?")
                        .param("%" + named.get(0).id() + "%")
                        .query(Long.class)
                        .single())
                .as("their audit event is appended with the transaction's")
                .isOne();
        assertLedgerSound();
    }

    @Test
    void aBatchRefusedAtCommitRollsTheWholeTransactionBack() {
        String buyer = fundedOrganization(10_000);
        String seller = fixtures.verifiedOrg("ENTERPRISE").id();
        AccountId buyerAccount = AccountId.available(buyer, "CNY");
        AccountId sellerAccount = AccountId.available(seller, "CNY");
        String cause = "deal:" + UUID.randomUUID();

        assertThat(code(() -> transactions.executeWithoutResult(tx -> {
                    // a posting of its own first, which the refusal at commit must take back too
                    ledger.transferAll(
                            Actor.SYSTEM,
                            List.of(TransferRequest.of(buyerAccount, sellerAccount, Money.cny(1_000), "PRICE", cause)));
                    ledger.transferAllAtCommit(
                            Actor.SYSTEM,
                            List.of(TransferRequest.of(buyerAccount, sellerAccount, Money.cny(9_001), "PRICE", cause)));
                })))
                .isEqualTo("INSUFFICIENT_FUNDS");

        assertThat(balance(buyerAccount)).isEqualTo(10_000);
        assertThat(balance(sellerAccount)).isZero();
        assertThat(transfersOf(cause)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where payload like ?")
                        .param("%" + cause + "%")
                        .query(Long.class)
                        .single())
                .as("no audit event of a posting rolled back")
                .isZero();
        assertThat(code(() -> transactions.executeWithoutResult(tx -> ledger.transferAllAtCommit(
                        Actor.SYSTEM,
                        List.of(TransferRequest.of(
                                buyerAccount, AccountId.held(buyer, "CNY"), Money.cny(1), "PRICE", cause))))))
                .as("held accounts move only through holds, refused when asked")
                .isEqualTo("ACCOUNT_NOT_MOVABLE");
        assertLedgerSound();
    }

    @Test
    void concurrentBatchesPostedAtCommitCreditingOneAccountLoseNoCredit() throws Exception {
        int payers = 8;
        int rounds = 5;
        AccountId venue = AccountId.fees("venue-" + UUID.randomUUID(), "CNY");
        String seller = fixtures.verifiedOrg("ENTERPRISE").id();
        AccountId sellerAccount = AccountId.available(seller, "CNY");
        List<AccountId> from = new ArrayList<>();
        for (int i = 0; i < payers; i++) {
            from.add(AccountId.available(fundedOrganization(rounds * 1_000L), "CNY"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(payers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (AccountId payer : from) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        // each payer's last round asks for a cent more than it has left: refused, the rest stands
                        long amount = r == rounds - 1 ? 1_001 : 1_000;
                        try {
                            transactions.executeWithoutResult(tx -> ledger.transferAllAtCommit(
                                    Actor.SYSTEM,
                                    List.of(
                                            TransferRequest.of(
                                                    payer, sellerAccount, Money.cny(amount), "PRICE", "race"),
                                            TransferRequest.of(
                                                    sellerAccount, venue, Money.cny(amount / 10), "FEE", "race"))));
                        } catch (Rejection refused) {
                            assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long paid = payers * (rounds - 1) * 1_000L;
        assertThat(balance(venue)).isEqualTo(paid / 10);
        assertThat(balance(sellerAccount)).isEqualTo(paid - paid / 10);
        for (AccountId payer : from) {
            assertThat(balance(payer)).as("the refused round moved nothing").isEqualTo(1_000);
        }
        assertLedgerSound();
    }

    private long transfersOf(String cause) {
        return jdbc.sql("select count(*) from ledger_transfer where cause = ?")
                .param(cause)
                .query(Long.class)
                .single();
    }

    @Test
    void aTransferWithAnIdempotencyKeyIsPostedOnceHoweverOftenItIsSent() throws Exception {
        String payer = fundedOrganization(10_000);
        String payee = fixtures.verifiedOrg("ENTERPRISE").id();
        String key = "royalty-" + UUID.randomUUID();
        TransferRequest royalty = TransferRequest.of(
                        AccountId.available(payer, "CNY"),
                        AccountId.available(payee, "CNY"),
                        Money.cny(1_500),
                        "ROYALTY",
                        "licence:42")
                .withIdempotencyKey(key);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Transfer>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> {
                start.await();
                return ledger.transfer(Actor.SYSTEM, royalty);
            }));
        }
        start.countDown();
        List<Transfer> transfers = new ArrayList<>();
        for (Future<Transfer> transfer : sent) {
            transfers.add(transfer.get());
        }
        pool.shutdown();

        assertThat(transfers).containsOnly(transfers.get(0));
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ?")
                        .param("transfer-batch:" + transfers.get(0).batchId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(balance(AccountId.available(payee, "CNY"))).isEqualTo(1_500);
        assertThat(code(() -> ledger.transfer(
                        Actor.SYSTEM,
                        TransferRequest.of(
                                        AccountId.available(payer, "CNY"),
                                        AccountId.available(payee, "CNY"),
                                        Money.cny(1_600),
                                        "ROYALTY",
                                        "licence:42")
                                .withIdempotencyKey(key))))
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertLedgerSound();
    }

    @Test
    void dueHoldsExpireExactlyOnceWhileSeveralNodesRunTheJob() throws Exception {
        List<String> bidders = List.of(fundedOrganization(50_000), fundedOrganization(50_000));
        Instant deadline = clock.instant().plus(Duration.ofMinutes(1));
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            holds.add(ledger.hold(
                            Actor.SYSTEM,
                            new HoldRequest(
                                    bidders.get(i % 2),
                                    Money.cny(1_000 + i),
                                    "AUCTION_DEPOSIT",
                                    "auction:expiry-test",
                                    Optional.of(deadline)))
                    .id());
        }
        String notDue = ledger.hold(
                        Actor.SYSTEM,
                        new HoldRequest(
                                bidders.get(0),
                                Money.cny(7),
                                "AUCTION_DEPOSIT",
                                "auction:later",
                                Optional.of(deadline.plus(Duration.ofHours(1)))))
                .id();

        int nodes = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return expiry.expireDue(deadline.plusSeconds(1));
            }));
        }
        start.countDown();
        int expired = 0;
        for (Future<Integer> run : runs) {
            expired += run.get();
        }
        pool.shutdown();

        assertThat(expired).isGreaterThanOrEqualTo(holds.size());
        for (String hold : holds) {
            assertThat(ledger.findHold(hold).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
            assertThat(jdbc.sql("select count(*) from ledger_transfer where cause = ? and reason = 'HOLD_EXPIRY'")
                            .param("hold:" + hold)
                            .query(Long.class)
                            .single())
                    .as(hold)
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_event where type = 'HoldExpired' and subject = ?")
                            .param("hold:" + hold)
                            .query(Long.class)
                            .single())
                    .as(hold)
                    .isEqualTo(1);
        }
        assertThat(ledger.findHold(notDue).orElseThrow().status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(balance(AccountId.available(bidders.get(0), "CNY"))).isEqualTo(50_000 - 7);
        assertThat(balance(AccountId.held(bidders.get(0), "CNY"))).isEqualTo(7);
        assertThat(balance(AccountId.available(bidders.get(1), "CNY"))).isEqualTo(50_000);
        assertThat(expiry.expireDue(deadline.plusSeconds(2))).isZero();
        assertLedgerSound();
    }

    @Test
    void everyNodeRunsTheExpiryJobOnItsOwn() throws Exception {
        String bidder = fundedOrganization(2_000);
        Hold hold = ledger.hold(
                Actor.SYSTEM,
                new HoldRequest(
                        bidder,
                        Money.cny(2_000),
                        "AUCTION_DEPOSIT",
                        "auction:scheduled",
                        Optional.of(clock.instant().plusSeconds(1))));

        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ledger.findHold(hold.id()).orElseThrow().status() == HoldStatus.ACTIVE && System.nanoTime() < giveUp) {
            Thread.sleep(200);
        }

        assertThat(ledger.findHold(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(balance(AccountId.available(bidder, "CNY"))).isEqualTo(2_000);
    }

    @Test
    void aReleaseRacingTheExpiryJobEndsTheHoldOnce() throws Exception {
        String bidder = fundedOrganization(100_000);
        Instant deadline = clock.instant().plus(Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 10; round++) {
            String hold = ledger.hold(
                            Actor.SYSTEM,
                            new HoldRequest(
                                    bidder, Money.cny(500), "AUCTION_DEPOSIT", "auction:race", Optional.of(deadline)))
                    .id();
            CountDownLatch start = new CountDownLatch(1);
            Future<?> release = pool.submit(() -> {
                start.await();
                try {
                    ledger.release(Actor.SYSTEM, hold);
                } catch (Rejection alreadyExpired) {
                    assertThat(alreadyExpired.code()).isEqualTo("HOLD_NOT_ACTIVE");
                }
                return null;
            });
            Future<Integer> expire = pool.submit(() -> {
                start.await();
                return expiry.expireDue(deadline.plusSeconds(1));
            });
            start.countDown();
            release.get();
            expire.get();
            assertThat(jdbc.sql("select count(*) from ledger_transfer where cause = ? and reason <> 'HOLD'")
                            .param("hold:" + hold)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(ledger.findHold(hold).orElseThrow().status()).isIn(HoldStatus.RELEASED, HoldStatus.EXPIRED);
        }
        pool.shutdown();
        assertThat(balance(AccountId.available(bidder, "CNY"))).isEqualTo(100_000);
        assertThat(balance(AccountId.held(bidder, "CNY"))).isZero();
        assertLedgerSound();
    }

    @Test
    void holdsAreValidatedBeforeAnyMoneyMoves() {
        String bidder = fundedOrganization(1_000);
        assertThatThrownBy(() -> ledger.hold(
                        Actor.SYSTEM, new HoldRequest(bidder, Money.cny(1_001), "DEPOSIT", "c", Optional.empty())))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("INSUFFICIENT_FUNDS"));
        assertThat(code(() -> ledger.hold(
                        Actor.SYSTEM,
                        new HoldRequest(
                                bidder,
                                Money.cny(1),
                                "DEPOSIT",
                                "c",
                                Optional.of(clock.instant().minusSeconds(1))))))
                .isEqualTo("INVALID_DEADLINE");
        assertThat(jdbc.sql("select count(*) from ledger_hold where organization_id = ?")
                        .param(bidder)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(balance(AccountId.available(bidder, "CNY"))).isEqualTo(1_000);
    }
}
