package org.techmarket.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

    private static List<AuditEvent> chain(int length) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEvent unsealed = new AuditEvent(
                    i,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i),
                    "user:" + i,
                    "AssetRegistered",
                    "asset:" + i,
                    "{\"n\":" + i + "}",
                    previous,
                    "");
            String hash = HashChain.hash(previous, unsealed);
            events.add(new AuditEvent(
                    i,
                    unsealed.occurredAt(),
                    unsealed.actor(),
                    unsealed.type(),
                    unsealed.subject(),
                    unsealed.payload(),
                    previous,
                    hash));
            previous = hash;
        }
        return events;
    }

    private static AuditEvent withPayload(AuditEvent e, String payload) {
        return new AuditEvent(
                e.sequence(), e.occurredAt(), e.actor(), e.type(), e.subject(), payload, e.previousHash(), e.hash());
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(HashChain.firstBreak(HashChain.GENESIS, 0, chain(50).iterator()))
                .isEmpty();
    }

    @Test
    void theHashIsSha256HexAndDependsOnThePreviousHash() {
        AuditEvent event = chain(1).get(0);
        assertThat(event.hash()).matches("[0-9a-f]{64}");
        assertThat(HashChain.hash("1".repeat(64), event)).isNotEqualTo(event.hash());
        assertThat(HashChain.hash(HashChain.GENESIS, event)).isEqualTo(event.hash());
    }

    @Test
    void changingAnyEventsContentIsFoundAtThatEvent() {
        List<AuditEvent> events = chain(10);
        events.set(6, withPayload(events.get(6), "{\"n\":700}"));
        assertThat(HashChain.firstBreak(HashChain.GENESIS, 0, events.iterator()))
                .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(7));
    }

    @Test
    void removingOrReorderingEventsIsFound() {
        List<AuditEvent> removed = chain(10);
        removed.remove(3);
        assertThat(HashChain.firstBreak(HashChain.GENESIS, 0, removed.iterator()))
                .hasValueSatisfying(b -> assertThat(b.reason()).contains("missing"));

        List<AuditEvent> swapped = chain(10);
        AuditEvent third = swapped.get(2);
        swapped.set(2, swapped.get(3));
        swapped.set(3, third);
        assertThat(HashChain.firstBreak(HashChain.GENESIS, 0, swapped.iterator()))
                .isPresent();
    }

    @Test
    void rehashingATamperedEventStillBreaksTheNextLink() {
        List<AuditEvent> events = chain(5);
        AuditEvent forged = withPayload(events.get(1), "{\"forged\":true}");
        String forgedHash = HashChain.hash(forged.previousHash(), forged);
        events.set(
                1,
                new AuditEvent(
                        2,
                        forged.occurredAt(),
                        forged.actor(),
                        forged.type(),
                        forged.subject(),
                        forged.payload(),
                        forged.previousHash(),
                        forgedHash));
        assertThat(HashChain.firstBreak(HashChain.GENESIS, 0, events.iterator()))
                .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(3));
    }
}
