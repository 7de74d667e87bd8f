package org.techmarket.participant.application;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password against an account's stored hash in the same time whether or not the account exists: for an
 * unknown username it checks against a decoy hash made once with the same encoder, so that timing does not tell
 * which usernames exist.
 */
@Component
public class PasswordVerifier {

    private final PasswordEncoder encoder;
    private final String decoyHash;

    public PasswordVerifier(PasswordEncoder encoder) {
        this.encoder = encoder;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    /** Whether the password is the account's; always runs the encoder once. */
    public boolean matches(Optional<String> storedHash, String password) {
        boolean matches = encoder.matches(password == null ? "" : password, storedHash.orElse(decoyHash));
        return storedHash.isPresent() && matches;
    }
}
