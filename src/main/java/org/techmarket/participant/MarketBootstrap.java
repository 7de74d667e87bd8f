package org.techmarket.participant;

/**
 * What a start makes sure of in the market before anything else writes to it: the default venue, and the operator and
 * the market administrator whose tokens are configured, when none exists yet.
 */
public interface MarketBootstrap {

    /**
     * Makes sure of it once per process: the first call does it (under the start-up lock that nodes starting together
     * share), later ones return at once. The server's start calls it before its other start-up work; work that starts
     * earlier and writes to the market, such as the demo's load, calls it first.
     */
    void ensureBootstrapped();
}
