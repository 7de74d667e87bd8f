package org.techmarket.participant.application;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password against an account's stored hash in the same time whether or not the account exists: for an
 * unknown username it checks against a decoy hash made once with the same encoder, so that timing does not tell
 * which usernames exist. The decoy is hashed on a thread of its own while the server starts, off the start's path.
 */
@Component
public class PasswordVerifier {

    private final PasswordEncoder encoder;
    private final CompletableFuture<String> decoyHash;

    public PasswordVerifier(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.decoyHash = CompletableFuture.supplyAsync(
                () -> {
                    byte[] random = new byte[24];
                    new SecureRandom().nextBytes(random);
                    return encoder.encode(Base64.getEncoder().encodeToString(random));
                },
                task -> {
                    Thread thread = new Thread(task, "password-decoy");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** Whether the password is the account's; always runs the encoder once. */
    public boolean matches(Optional<String> storedHash, String password) {
        boolean matches = encoder.matches(password == null ? "" : password, storedHash.orElseGet(decoyHash::join));
        return storedHash.isPresent() && matches;
    }
}
