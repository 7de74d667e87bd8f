package org.techmarket.demand.domain;

/** A proposal waits for the poster's choice, then won or lost; it is never chosen twice. */
public enum ProposalStatus {
    SUBMITTED,
    WON,
    LOST
}
