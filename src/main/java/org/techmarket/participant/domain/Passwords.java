package org.techmarket.participant.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.techmarket.participant.ParticipantCodes;

/**
 * The password rule: long enough to resist guessing, short enough for bcrypt, which reads only 72 bytes; and, once
 * well formed, neither containing its own username nor one of the most common passwords (both without regard to
 * case), which are the first guesses of anyone trying accounts.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    /** Why a well-formed password is still refused, with the stable code of the refusal. */
    public enum Weakness {
        CONTAINS_USERNAME(ParticipantCodes.PASSWORD_CONTAINS_USERNAME, "must not contain the username"),
        TOO_COMMON(ParticipantCodes.PASSWORD_TOO_COMMON, "is one of the most common passwords");

        private final ParticipantCodes code;
        private final String message;

        Weakness(ParticipantCodes code, String message) {
            this.code = code;
            this.message = message;
        }

        public ParticipantCodes code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private Passwords() {}

    /** Why the password's form is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must have at most " + MAX_BYTES + " bytes");
        }
        if (password.isBlank()) {
            return Optional.of("must not be blank");
        }
        return Optional.empty();
    }

    /** Why a well-formed password is too easy to guess for this username, or empty when it is not. */
    public static Optional<Weakness> weakness(String password, String username, CommonPasswords common) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Weakness.CONTAINS_USERNAME);
        }
        if (common.contains(password)) {
            return Optional.of(Weakness.TOO_COMMON);
        }
        return Optional.empty();
    }
}
