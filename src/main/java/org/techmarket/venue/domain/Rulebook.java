package org.techmarket.venue.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.techmarket.shared.Rejection;
import org.techmarket.venue.VenueCodes;

/**
 * One version of a venue's rulebook: its title and text and the SHA-256 of the text (UTF-8, as given), by which a
 * listing's seller and buyers can show which rules they traded under. A version never changes.
 */
public record Rulebook(int version, String title, String text, String sha256) {

    static final int MAX_TEXT = 200_000;

    /** The next version of a rulebook, its hash computed; a title and a text are required. */
    public static Rulebook publish(int version, String title, String text) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw Rejection.invalid(VenueCodes.RULEBOOK_REQUIRED, "rulebook.title", "a title of 1 to 200 characters");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw Rejection.invalid(
                    VenueCodes.RULEBOOK_REQUIRED, "rulebook.text", "a text of 1 to " + MAX_TEXT + " characters");
        }
        return new Rulebook(version, title.strip(), text, sha256(text));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
