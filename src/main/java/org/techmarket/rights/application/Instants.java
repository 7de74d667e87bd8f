package org.techmarket.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the database's precision, so that what is returned equals what is read back later. */
final class Instants {

    private Instants() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
