package org.techmarket.demo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} component of {@code /actuator/health}: whether the demo's participants are still trading through
 * the API, have traded, or stopped. It is UP in every case, since the market serves requests correctly while they
 * trade (their trades are ordinary API calls); its details, shown to operators and regulators, say which it is, so a
 * newcomer knows the auction, the deals and the challenge are still on their way.
 */
@Component
class DemoHealthIndicator implements HealthIndicator {

    /** Where this node's demo trading is. */
    enum Trading {
        /** No demo was loaded on this start (disabled, or the market was not empty). */
        NONE("none on this start"),
        /** Loaded; its participants trade once the market accepts traffic. */
        IN_PROGRESS("in progress"),
        DONE("done"),
        /** A step was refused or the server stopped meanwhile: the demo's data is there, its trading is partial. */
        STOPPED("stopped");

        private final String text;

        Trading(String text) {
            this.text = text;
        }
    }

    private volatile Trading trading = Trading.NONE;
    private volatile String reason = "";
    private final CompletableFuture<Trading> finished = new CompletableFuture<>();

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("trading", trading.text);
        return reason.isEmpty()
                ? health.build()
                : health.withDetail("reason", reason).build();
    }

    Trading trading() {
        return trading;
    }

    void loaded() {
        trading = Trading.IN_PROGRESS;
    }

    void traded() {
        trading = Trading.DONE;
        finished.complete(Trading.DONE);
    }

    void stopped(String why) {
        reason = why;
        trading = Trading.STOPPED;
        finished.complete(Trading.STOPPED);
    }

    /** Waits up to {@code patience} for the trading to end; the stage it ended in, or the current one on time-out. */
    Trading awaitEnd(Duration patience) {
        if (trading == Trading.NONE) {
            return Trading.NONE;
        }
        try {
            return finished.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return trading;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return trading;
        }
    }
}
