package org.techmarket.participant.domain;

/** A regional technology exchange that runs its market on the shared registry. */
public record Venue(String id, String code, String name, String region) {}
