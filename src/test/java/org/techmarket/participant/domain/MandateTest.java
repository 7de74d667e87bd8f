package org.techmarket.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.techmarket.participant.MandateAction;
import org.techmarket.participant.MarketAction;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** A mandate's rules: in force only confirmed, unrevoked and unexpired; only its actions; only its scope. */
class MandateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static Mandate proposed(MandateScope scope, Set<MandateAction> actions) {
        return Mandate.propose(
                "m1",
                "broker",
                "client",
                scope,
                actions,
                250,
                Money.cny(100_000),
                NOW.plus(Duration.ofDays(30)),
                "u1",
                NOW);
    }

    private static void refusedWith(Runnable step, String code) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(code);
        });
    }

    @Test
    void aMandateIsInForceFromItsConfirmationUntilItIsRevokedOrEnds() {
        Mandate mandate = proposed(MandateScope.all(), EnumSet.of(MandateAction.BID));
        refusedWith(() -> mandate.requireInForce(NOW), "MANDATE_NOT_CONFIRMED");

        Mandate confirmed = mandate.confirm(NOW.plusSeconds(60));
        assertThat(confirmed.inForceAt(NOW.plusSeconds(60))).isTrue();
        confirmed.requireInForce(NOW.plus(Duration.ofDays(30)).minusMillis(1));
        refusedWith(() -> confirmed.requireInForce(NOW.plus(Duration.ofDays(30))), "MANDATE_EXPIRED");

        Mandate revoked = confirmed.revoke(NOW.plusSeconds(120));
        assertThat(revoked.revokedAt()).contains(NOW.plusSeconds(120));
        refusedWith(() -> revoked.requireInForce(NOW.plusSeconds(121)), "MANDATE_REVOKED");
        refusedWith(() -> revoked.revoke(NOW.plusSeconds(180)), "INVALID_STATUS_TRANSITION");
        refusedWith(() -> mandate.confirm(NOW.plus(Duration.ofDays(31))), "MANDATE_EXPIRED");
    }

    @Test
    void aMandateGrantsOnlyTheActionsItNames() {
        Mandate mandate = proposed(MandateScope.all(), EnumSet.of(MandateAction.LIST, MandateAction.SIGN));
        mandate.requireGrants(MarketAction.CREATE_LISTING);
        mandate.requireGrants(MarketAction.SUBMIT_LISTING);
        mandate.requireGrants(MarketAction.SIGN_DEAL);
        for (MarketAction action : List.of(
                MarketAction.BID,
                MarketAction.MAKE_OFFER,
                MarketAction.FUND_DEAL,
                MarketAction.DELIVER,
                MarketAction.ADD_USER,
                MarketAction.CASH_OUT)) {
            refusedWith(() -> mandate.requireGrants(action), "MANDATE_ACTION_NOT_GRANTED");
        }
    }

    @Test
    void everyMarketActionABrokerMayTakeBelongsToOneMandateAction() {
        assertThat(MandateAction.covering(MarketAction.ACCEPT_PRICE)).contains(MandateAction.BID);
        assertThat(MandateAction.covering(MarketAction.ACCEPT_OFFER)).contains(MandateAction.NEGOTIATE);
        assertThat(MandateAction.covering(MarketAction.POST_NEED)).contains(MandateAction.LIST);
        assertThat(MandateAction.covering(MarketAction.PAY_INSTALMENT)).isEmpty();
        assertThat(MandateAction.covering(MarketAction.DISPUTE)).isEmpty();
    }

    @Test
    void aScopeCoversOnlyWhatItNames() {
        Mandate assets = proposed(
                new MandateScope(MandateScope.Kind.ASSETS, Set.of("a1", "a2")), EnumSet.of(MandateAction.LIST));
        assets.requireCoversAssets(List.of("a1", "a2"));
        refusedWith(() -> assets.requireCoversAssets(List.of("a1", "a3")), "MANDATE_SCOPE_EXCLUDES");
        refusedWith(() -> assets.requireCoversNeed(Optional.of("a1")), "MANDATE_SCOPE_EXCLUDES");
        refusedWith(() -> assets.requireCoversNeed(Optional.empty()), "MANDATE_SCOPE_EXCLUDES");
        Mandate needs =
                proposed(new MandateScope(MandateScope.Kind.NEEDS, Set.of("n1")), EnumSet.of(MandateAction.NEGOTIATE));
        needs.requireCoversNeed(Optional.of("n1"));
        refusedWith(() -> needs.requireCoversNeed(Optional.of("n2")), "MANDATE_SCOPE_EXCLUDES");
        refusedWith(() -> needs.requireCoversNeed(Optional.empty()), "MANDATE_SCOPE_EXCLUDES");
        proposed(MandateScope.all(), EnumSet.of(MandateAction.LIST)).requireCoversNeed(Optional.empty());
        refusedWith(() -> needs.requireCoversAssets(List.of("a1")), "MANDATE_SCOPE_EXCLUDES");
        proposed(MandateScope.all(), EnumSet.of(MandateAction.LIST)).requireCoversAssets(List.of("anything"));
    }

    @Test
    void impossibleMandatesAreRefused() {
        refusedWith(() -> new MandateScope(MandateScope.Kind.ALL, Set.of("a1")), "INVALID_MANDATE_SCOPE");
        refusedWith(() -> new MandateScope(MandateScope.Kind.ASSETS, Set.of()), "INVALID_MANDATE_SCOPE");
        refusedWith(() -> new MandateScope(null, Set.of()), "INVALID_MANDATE_SCOPE");
        refusedWith(() -> proposed(MandateScope.all(), Set.of()), "INVALID_MANDATE_ACTIONS");
        refusedWith(() -> bidding("b", 10_001, 0, NOW.plusSeconds(1)), "INVALID_COMMISSION");
        refusedWith(() -> bidding("b", 0, -1, NOW.plusSeconds(1)), "INVALID_COMMISSION");
        refusedWith(() -> bidding("b", 0, 0, NOW), "INVALID_MANDATE_SCOPE");
        refusedWith(() -> bidding("c", 0, 0, NOW.plusSeconds(1)), "BROKER_NOT_QUALIFIED");
    }

    /** A mandate from client "c" to {@code broker} to bid, with the commission and end given. */
    private static Mandate bidding(String broker, int basisPoints, long minimumFen, Instant validUntil) {
        return Mandate.propose(
                "m",
                broker,
                "c",
                MandateScope.all(),
                EnumSet.of(MandateAction.BID),
                basisPoints,
                Money.cny(minimumFen),
                validUntil,
                "u",
                NOW);
    }
}
