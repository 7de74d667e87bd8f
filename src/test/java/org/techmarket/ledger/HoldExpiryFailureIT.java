package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.ledger.application.CashService;
import org.techmarket.ledger.application.HoldExpiry;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Hold expiry runs item by item: a hold that cannot be expired is retried later and holds up none of the others. */
class HoldExpiryFailureIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    CashService cash;

    @Autowired
    HoldExpiry expiry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aHoldThatCannotExpireHoldsUpNoneOfTheHoldsDueAfterIt() {
        String bidder = fixtures.verifiedOrg("ENTERPRISE").id();
        cash.recordCashIn(Actor.SYSTEM, bidder, Money.cny(100_000), Fixtures.unique("ref"));
        Instant deadline = clock.instant().plus(Duration.ofMinutes(1));
        String broken = hold(bidder, 5_000, deadline.minusSeconds(1));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(hold(bidder, 1_000 + i, deadline));
        }
        // A row the ledger cannot read back: every attempt to expire it fails.
        jdbc.sql("update ledger_hold set currency = 'QQQ' where id = ?")
                .param(broken)
                .update();
        try {
            assertThat(expiry.expireDue(deadline.plusSeconds(1))).isEqualTo(others.size());
            for (String hold : others) {
                assertThat(ledger.findHold(hold).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
            }
            assertThat(jdbc.sql("select attempts from job_failure where job = 'hold-expiry' and item_id = ?")
                            .param(broken)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select last_error from job_failure where job = 'hold-expiry' and item_id = ?")
                            .param(broken)
                            .query(String.class)
                            .single())
                    .startsWith("UNKNOWN_CURRENCY");
            assertThat(expiry.expireDue(deadline.plusSeconds(2)))
                    .as("waits for its next attempt")
                    .isZero();
        } finally {
            jdbc.sql("update ledger_hold set currency = 'CNY' where id = ?")
                    .param(broken)
                    .update();
        }

        assertThat(expiry.expireDue(deadline.plus(Duration.ofMinutes(1)))).isGreaterThanOrEqualTo(1);
        assertThat(ledger.findHold(broken).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(jdbc.sql("select count(*) from job_failure where item_id = ?")
                        .param(broken)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(ledger.balance(AccountId.available(bidder, "CNY"))).isEqualTo(Money.cny(100_000));
    }

    private String hold(String organization, long fen, Instant deadline) {
        return ledger.hold(
                        Actor.SYSTEM,
                        new HoldRequest(
                                organization,
                                Money.cny(fen),
                                "AUCTION_DEPOSIT",
                                "auction:" + Fixtures.unique("expiry-failure"),
                                Optional.of(deadline)))
                .id();
    }
}
