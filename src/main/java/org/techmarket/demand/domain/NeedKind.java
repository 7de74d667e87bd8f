package org.techmarket.demand.domain;

/** A plain need, or a challenge (揭榜挂帅): a need with a held reward, milestones, criteria and a panel. */
public enum NeedKind {
    NEED,
    CHALLENGE
}
