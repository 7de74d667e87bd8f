package org.techmarket.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.techmarket.shared.CanonicalJson;

/**
 * What the log's Merkle tree holds for one audit event: its leaf input, the exact bytes hashed. A public event's
 * leaf input is its canonical form; a confidential event's is a salted commitment to that form, so everyone sees
 * that it exists and where it stands while only those who may read it (and so get its salt) can check its content.
 */
public final class LogLeaf {

    /** The size of a confidential event's salt. */
    public static final int SALT_BYTES = 32;

    /**
     * The types whose payload names private terms: offers and their answers, bids (a sealed bid's amount is secret
     * until the close), contract terms and royalties, cash-outs (bank references) and users (a person's name).
     */
    private static final Set<String> CONFIDENTIAL = Set.of(
            "OfferMade",
            "OfferCountered",
            "OfferAccepted",
            "OfferDeclined",
            "OfferWithdrawn",
            "OfferExpired",
            "BidPlaced",
            "ContractProposed",
            "ContractSigned",
            "RoyaltyReported",
            "CancellationProposed",
            "CashOutRequested",
            "CashOutConfirmed",
            "CashOutCancelled",
            "UserAdded");

    private LogLeaf() {}

    /** Whether events of {@code type} enter the tree as a commitment rather than in full. */
    public static boolean isConfidential(String type) {
        return CONFIDENTIAL.contains(type);
    }

    /**
     * The canonical form of a sealed event: UTF-8 of the canonical JSON (sorted keys, no spaces) of its actor, time
     * (ISO-8601, UTC), payload (its canonical JSON text, as a string), sequence, subject and type.
     */
    public static byte[] canonical(AuditEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("actor", event.actor());
        content.put("occurredAt", event.occurredAt().toString());
        content.put("payload", event.payload());
        content.put("sequence", event.sequence());
        content.put("subject", event.subject());
        content.put("type", event.type());
        return CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The leaf input of {@code event}: its canonical form, or for a confidential event (which must come with its
     * salt) UTF-8 of {@code {"commitment":"<base64 SHA-256(salt ‖ canonical form)>"}}.
     */
    public static byte[] input(AuditEvent event, Optional<byte[]> salt) {
        byte[] canonical = canonical(event);
        if (!isConfidential(event.type())) {
            return canonical;
        }
        byte[] secret = salt.filter(s -> s.length == SALT_BYTES)
                .orElseThrow(() -> new IllegalArgumentException(
                        "a confidential event's leaf needs its " + SALT_BYTES + "-byte salt"));
        MessageDigest digest = MerkleTree.sha256();
        digest.update(secret);
        String commitment = Base64.getEncoder().encodeToString(digest.digest(canonical));
        return CanonicalJson.write(Map.of("commitment", commitment)).getBytes(StandardCharsets.UTF_8);
    }
}
