package org.techmarket.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.CanonicalJson;

/**
 * The audit log's hash chain: each event's hash is SHA-256 over the previous event's hash and the event's own
 * canonical content, so changing, removing or reordering any event breaks every hash after it.
 */
public final class HashChain {

    /** The hash that stands before the first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** The hash of {@code event} when it follows an event whose hash is {@code previousHash}. */
    public static String hash(String previousHash, AuditEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("actor", event.actor());
        content.put("occurredAt", event.occurredAt().toString());
        content.put("payload", event.payload());
        content.put("previousHash", previousHash);
        content.put("sequence", event.sequence());
        content.put("subject", event.subject());
        content.put("type", event.type());
        return sha256(CanonicalJson.write(content));
    }

    /**
     * Walks a run of events in sequence order and returns the first that does not fit the chain, if any.
     * {@code previousHash} is the hash before the first event of the run.
     */
    public static Optional<Break> firstBreak(String previousHash, long previousSequence, Iterator<AuditEvent> events) {
        String expectedPrevious = previousHash;
        long expectedSequence = previousSequence + 1;
        while (events.hasNext()) {
            AuditEvent event = events.next();
            if (event.sequence() != expectedSequence) {
                return Optional.of(new Break(expectedSequence, "sequence " + expectedSequence + " is missing"));
            }
            if (!event.previousHash().equals(expectedPrevious)) {
                return Optional.of(new Break(event.sequence(), "previous hash does not match the event before"));
            }
            if (!hash(expectedPrevious, event).equals(event.hash())) {
                return Optional.of(new Break(event.sequence(), "hash does not match the event's content"));
            }
            expectedPrevious = event.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Where and why the chain stops holding. */
    public record Break(long sequence, String reason) {}
}
