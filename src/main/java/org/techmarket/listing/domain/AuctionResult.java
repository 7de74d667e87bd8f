package org.techmarket.listing.domain;

import java.util.List;
import java.util.Optional;

/** The answer to an accepted command: the events it caused, in order, and the public view right after it. */
public record AuctionResult(List<AuctionEvent> events, AuctionView view) {

    public AuctionResult {
        events = List.copyOf(events);
    }

    /** The outcome, once the command has ended the sale. */
    public Optional<Outcome> outcome() {
        return view.outcome();
    }
}
