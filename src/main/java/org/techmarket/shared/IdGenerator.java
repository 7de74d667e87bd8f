package org.techmarket.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Makes time-ordered opaque ids (UUID version 7), so ids sort by creation time and page with a keyset. */
public class IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    public String newId() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
