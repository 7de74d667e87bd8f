package org.techmarket.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the market does after a commit, on its own threads: asks again every 50 ms until it holds. */
public final class Eventually {

    private Eventually() {}

    /** Returns once {@code condition} holds; fails naming {@code what} when it still does not after {@code patience}. */
    public static void await(String what, Duration patience, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
