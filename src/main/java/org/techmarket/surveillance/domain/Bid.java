package org.techmarket.surveillance.domain;

import java.time.Instant;

/** An accepted bid as surveillance reads it: its id, bidder, amount in minor units and time. */
public record Bid(String bidId, String bidderId, long amount, Instant at) {}
