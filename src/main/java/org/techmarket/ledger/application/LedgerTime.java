package org.techmarket.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the microsecond precision PostgreSQL keeps, so that what the ledger returns equals what it stored. */
final class LedgerTime {

    private LedgerTime() {}

    static Instant now(Clock clock) {
        return micros(clock.instant());
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
