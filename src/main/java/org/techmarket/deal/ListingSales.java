package org.techmarket.deal;

/** What the deals struck on a listing came to, for a module that lists the same assets again. */
public interface ListingSales {

    /**
     * Whether deals were struck on {@code listingId} and every one of them ended without completion (CANCELLED or
     * DEFAULTED). Locks those deals for the caller's transaction, so a runner-up cannot be offered one meanwhile.
     */
    boolean endedWithoutCompletion(String listingId);
}
