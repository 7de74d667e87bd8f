package org.techmarket.participant;

/** What other modules may know of a venue: its id, short code, name and GB/T 2260 region code. */
public record VenueSummary(String id, String code, String name, String region) {}
