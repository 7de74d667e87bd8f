package org.techmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.techmarket.demo.DemoHealthIndicator.Trading;

class DemoHealthIndicatorTest {

    private final DemoHealthIndicator demo = new DemoHealthIndicator();

    @Test
    void withoutADemoOnThisStartNothingIsAwaited() {
        assertThat(demo.awaitEnd(Duration.ofMinutes(1))).isEqualTo(Trading.NONE);
        assertThat(demo.health().getStatus()).isEqualTo(Status.UP);
        assertThat(demo.health().getDetails()).containsEntry("trading", "none on this start");
    }

    @Test
    void whileTheParticipantsTradeTheMarketIsUpAndSaysSo() {
        demo.loaded();

        assertThat(demo.health().getStatus()).isEqualTo(Status.UP);
        assertThat(demo.health().getDetails()).containsEntry("trading", "in progress");
        assertThat(demo.awaitEnd(Duration.ofMillis(20))).isEqualTo(Trading.IN_PROGRESS);
    }

    @Test
    void aWaiterHearsTheEndOfTheTrading() {
        demo.loaded();
        CompletableFuture<Trading> waiter = CompletableFuture.supplyAsync(() -> demo.awaitEnd(Duration.ofMinutes(1)));

        demo.traded();

        assertThat(waiter.join()).isEqualTo(Trading.DONE);
        assertThat(demo.health().getDetails()).containsEntry("trading", "done").doesNotContainKey("reason");
    }

    @Test
    void aRefusedStepStopsTheTradingWithItsReasonWhileTheMarketStaysUp() {
        demo.loaded();

        demo.stopped("POST /api/v1/listings answered 409: RIGHTS_CONFLICT");

        assertThat(demo.awaitEnd(Duration.ofSeconds(1))).isEqualTo(Trading.STOPPED);
        assertThat(demo.health().getStatus()).isEqualTo(Status.UP);
        assertThat(demo.health().getDetails())
                .containsEntry("trading", "stopped")
                .containsEntry("reason", "POST /api/v1/listings answered 409: RIGHTS_CONFLICT");
    }
}
