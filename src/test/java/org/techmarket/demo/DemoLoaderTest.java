package org.techmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.techmarket.participant.MarketBootstrap;

/**
 * The demo's load starts on a thread of its own when its bean is made and the start-up runner waits for it: the start
 * still fails with the load's own exception, the market's start-up writes come before it, and a disabled demo starts
 * nothing. What it loads is {@code DemoMarketIT}'s.
 */
class DemoLoaderTest {

    private final DemoHealthIndicator progress = new DemoHealthIndicator();

    private DemoLoader loader(MarketBootstrap bootstrap, boolean enabled) {
        // The load's first step is the bootstrap; these tests stop it there, so nothing else is reached.
        return new DemoLoader(
                bootstrap, null, null, null, null, null, Clock.systemUTC(), enabled, new MockEnvironment(), progress);
    }

    @Test
    void theLoadStartsWhenTheBeanIsMadeAndTheRunnerWaitsForIt() throws Exception {
        CountDownLatch bootstrapping = new CountDownLatch(1);
        CountDownLatch mayFail = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        DemoLoader loader = loader(
                () -> {
                    threads.add(Thread.currentThread().getName());
                    bootstrapping.countDown();
                    await(mayFail);
                    throw new IllegalStateException("the market could not be prepared");
                },
                true);

        loader.afterPropertiesSet();
        assertThat(bootstrapping.await(1, TimeUnit.MINUTES))
                .as("started without waiting for the runner")
                .isTrue();
        CompletableFuture<Void> running =
                CompletableFuture.runAsync(() -> loader.run(new DefaultApplicationArguments()));
        Thread.sleep(100);
        assertThat(running).as("the runner waits for the load").isNotDone();

        mayFail.countDown();
        assertThatThrownBy(running::join)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the market could not be prepared");
        assertThat(threads).containsExactly("demo-load");
        assertThat(progress.trading()).isEqualTo(DemoHealthIndicator.Trading.NONE);
    }

    @Test
    void aLoadThatFailsFailsTheStartWithItsOwnException() {
        DemoLoader loader = loader(
                () -> {
                    throw new IllegalStateException("The configured token of 'admin' needs at least 16 characters");
                },
                true);

        loader.afterPropertiesSet();

        assertThatThrownBy(() -> loader.run(new DefaultApplicationArguments()))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("The configured token of 'admin' needs at least 16 characters");
        // A context closing after the failure does not wait again for what has ended.
        loader.destroy();
    }

    @Test
    void aDisabledDemoStartsNothing() {
        List<String> calls = new CopyOnWriteArrayList<>();
        DemoLoader loader = loader(() -> calls.add("bootstrap"), false);

        loader.afterPropertiesSet();
        loader.run(new DefaultApplicationArguments());
        loader.destroy();

        assertThat(calls).isEmpty();
        assertThat(progress.trading()).isEqualTo(DemoHealthIndicator.Trading.NONE);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
