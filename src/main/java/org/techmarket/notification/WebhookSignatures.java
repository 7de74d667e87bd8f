package org.techmarket.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed, and how its receiver checks it. The market sends
 * {@code Techmarket-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, the MAC keyed with the webhook's secret (its
 * UTF-8 bytes) over {@code <t>.<body>}. A receiver recomputes it over the raw body, compares in constant time, and
 * refuses a timestamp further than its tolerance from its own clock; a captured delivery replayed later then fails,
 * and one replayed within the tolerance carries a {@code Techmarket-Delivery} id the receiver has already seen.
 */
public final class WebhookSignatures {

    /** The header carrying the timestamp and signature. */
    public static final String SIGNATURE_HEADER = "Techmarket-Signature";

    /** The header carrying the delivery's id, the same on every retry of it: a receiver handles each id once. */
    public static final String DELIVERY_HEADER = "Techmarket-Delivery";

    /** The header carrying the notice's kind, such as {@code listing.outbid}. */
    public static final String KIND_HEADER = "Techmarket-Event";

    /** How far a delivery's timestamp may be from the receiver's clock, unless the receiver chooses otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** What a receiver concludes of a delivery. */
    public enum Verdict {
        /** Signed with the secret, recently. */
        VALID,
        /** No header, or not of the form {@code t=…,v1=…}. */
        MALFORMED,
        /** Not signed with this secret over this body and timestamp. */
        WRONG_SIGNATURE,
        /** Signed, but too long ago (or ahead): a replay, or a clock far off. */
        OUTSIDE_TOLERANCE
    }

    private WebhookSignatures() {}

    /** The header value for {@code body} sent at {@code at}. */
    public static String sign(String secret, Instant at, byte[] body) {
        long timestamp = at.getEpochSecond();
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /** Checks a delivery's header against its raw body at the receiver's {@code now}. */
    public static Verdict verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Optional<Long> timestamp = Optional.empty();
        Optional<byte[]> signature = Optional.empty();
        if (header == null) {
            return Verdict.MALFORMED;
        }
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return Verdict.MALFORMED;
            }
            try {
                if (pair[0].equals("t")) {
                    timestamp = Optional.of(Long.parseLong(pair[1]));
                } else if (pair[0].equals("v1")) {
                    signature = Optional.of(HexFormat.of().parseHex(pair[1]));
                }
            } catch (IllegalArgumentException e) {
                return Verdict.MALFORMED;
            }
        }
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (!MessageDigest.isEqual(mac(secret, timestamp.get(), body), signature.get())) {
            return Verdict.WRONG_SIGNATURE;
        }
        Duration off =
                Duration.between(Instant.ofEpochSecond(timestamp.get()), now).abs();
        return off.compareTo(tolerance) > 0 ? Verdict.OUTSIDE_TOLERANCE : Verdict.VALID;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
