package org.techmarket.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.HoldStatus;
import org.techmarket.ledger.TransferRequest;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

class HoldRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));
    private static final AccountId ESCROW = AccountId.escrow("deal-1", "CNY");

    private static Hold deposit(long fen) {
        return HoldRules.place(
                        "hold-1",
                        new HoldRequest(
                                "bidder", Money.cny(fen), "AUCTION_DEPOSIT", "auction:7", Optional.of(DEADLINE)),
                        NOW)
                .hold();
    }

    @Test
    void placingMovesFundsFromAvailableToHeld() {
        HoldRules.Step step = HoldRules.place(
                "hold-1",
                new HoldRequest("bidder", Money.cny(5_000), "AUCTION_DEPOSIT", "auction:7", Optional.of(DEADLINE)),
                NOW);

        assertThat(step.hold().status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(step.hold().remaining()).isEqualTo(Money.cny(5_000));
        assertThat(step.hold().captured()).isEqualTo(Money.cny(0));
        assertThat(step.transfer())
                .isEqualTo(TransferRequest.of(
                        AccountId.available("bidder", "CNY"),
                        AccountId.held("bidder", "CNY"),
                        Money.cny(5_000),
                        "HOLD",
                        "hold:hold-1"));
        assertThat(step.event().name()).isEqualTo("HoldPlaced");
    }

    @Test
    void aHoldNeedsAPositiveAmountACodedPurposeACauseAndAFutureDeadline() {
        assertThat(placeCode(new HoldRequest("bidder", Money.cny(0), "AUCTION_DEPOSIT", "a:1", Optional.empty())))
                .isEqualTo("INVALID_AMOUNT");
        assertThat(placeCode(new HoldRequest("bidder", Money.cny(1), "deposit", "a:1", Optional.empty())))
                .isEqualTo("INVALID_PURPOSE");
        assertThat(placeCode(new HoldRequest("bidder", Money.cny(1), "DEPOSIT", "", Optional.empty())))
                .isEqualTo("INVALID_CAUSE");
        assertThat(placeCode(new HoldRequest("bidder", Money.cny(1), "DEPOSIT", "a:1", Optional.of(NOW))))
                .isEqualTo("INVALID_DEADLINE");
        assertThat(placeCode(new HoldRequest(" ", Money.cny(1), "DEPOSIT", "a:1", Optional.empty())))
                .isEqualTo("INVALID_ORGANIZATION");
    }

    @Test
    void aPartialCaptureLeavesTheRestHeldAndAFullOneEndsTheHold() {
        HoldRules.Step part = HoldRules.capture(deposit(5_000), Money.cny(2_000), ESCROW, NOW.plusSeconds(60));
        assertThat(part.hold().status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(part.hold().remaining()).isEqualTo(Money.cny(3_000));
        assertThat(part.hold().captured()).isEqualTo(Money.cny(2_000));
        assertThat(part.hold().closedAt()).isEmpty();
        assertThat(part.transfer())
                .isEqualTo(TransferRequest.of(
                        AccountId.held("bidder", "CNY"), ESCROW, Money.cny(2_000), "AUCTION_DEPOSIT", "hold:hold-1"));

        HoldRules.Step rest = HoldRules.capture(part.hold(), Money.cny(3_000), ESCROW, NOW.plusSeconds(120));
        assertThat(rest.hold().status()).isEqualTo(HoldStatus.CAPTURED);
        assertThat(rest.hold().remaining().isZero()).isTrue();
        assertThat(rest.hold().captured()).isEqualTo(Money.cny(5_000));
        assertThat(rest.hold().closedAt()).contains(NOW.plusSeconds(120));
    }

    @Test
    void captureIsRefusedBeyondWhatRemainsAfterTheDeadlineAndIntoAHeldAccount() {
        Hold hold = deposit(5_000);
        assertThat(captureCode(hold, Money.cny(5_001), ESCROW, NOW)).isEqualTo("EXCEEDS_HOLD");
        assertThat(captureCode(hold, Money.cny(1), ESCROW, DEADLINE)).isEqualTo("HOLD_EXPIRED");
        assertThat(captureCode(hold, Money.cny(0), ESCROW, NOW)).isEqualTo("INVALID_AMOUNT");
        assertThat(captureCode(hold, Money.of(1, "USD"), AccountId.escrow("d", "USD"), NOW))
                .isEqualTo("CURRENCY_MISMATCH");
        assertThat(captureCode(hold, Money.cny(1), AccountId.held("other", "CNY"), NOW))
                .isEqualTo("INVALID_DESTINATION");
    }

    @Test
    void releaseGivesBackWhatRemainsAndEndsTheHold() {
        Hold partly =
                HoldRules.capture(deposit(5_000), Money.cny(1_000), ESCROW, NOW).hold();

        HoldRules.Step released = HoldRules.release(partly, NOW.plusSeconds(5));

        assertThat(released.hold().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(released.hold().captured()).isEqualTo(Money.cny(1_000));
        assertThat(released.hold().remaining().isZero()).isTrue();
        assertThat(released.transfer())
                .isEqualTo(TransferRequest.of(
                        AccountId.held("bidder", "CNY"),
                        AccountId.available("bidder", "CNY"),
                        Money.cny(4_000),
                        "HOLD_RELEASE",
                        "hold:hold-1"));
        assertThatThrownBy(() -> HoldRules.release(released.hold(), NOW))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("HOLD_NOT_ACTIVE"));
        assertThat(captureCode(released.hold(), Money.cny(1), ESCROW, NOW)).isEqualTo("HOLD_NOT_ACTIVE");
    }

    @Test
    void expiryComesOnlyAtTheDeadlineAndOnlyOnce() {
        Hold hold = deposit(5_000);
        assertThatThrownBy(() -> HoldRules.expire(hold, DEADLINE.minusNanos(1000)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("HOLD_NOT_DUE"));

        HoldRules.Step expired = HoldRules.expire(hold, DEADLINE);

        assertThat(expired.hold().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(expired.transfer().reason()).isEqualTo("HOLD_EXPIRY");
        assertThat(expired.transfer().amount()).isEqualTo(Money.cny(5_000));
        assertThatThrownBy(() -> HoldRules.expire(expired.hold(), DEADLINE.plusSeconds(1)))
                .isInstanceOf(Rejection.class);
        Hold open = HoldRules.place("h", new HoldRequest("o", Money.cny(1), "P_1", "c", Optional.empty()), NOW)
                .hold();
        assertThat(open.isDue(Instant.MAX)).isFalse();
    }

    private static String placeCode(HoldRequest request) {
        try {
            HoldRules.place("h", request, NOW);
        } catch (Rejection r) {
            return r.code();
        }
        throw new AssertionError("expected a refusal");
    }

    private static String captureCode(Hold hold, Money amount, AccountId to, Instant at) {
        try {
            HoldRules.capture(hold, amount, to, at);
        } catch (Rejection r) {
            return r.code();
        }
        throw new AssertionError("expected a refusal");
    }
}
