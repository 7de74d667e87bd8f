package org.techmarket.participant.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes new users' passwords with the market's encoder: one at a time as each user is added, or, for a batch of
 * registrations in one transaction (the demo's), all of them beforehand on as many threads as there are cores, so that
 * a batch does not wait for its bcrypt hashes one after another. The hashes made ahead are known only to the thread
 * that asked for them and only while its registrations run; they are made from the passwords by the same encoder, so a
 * caller cannot give a user a hash of its own choosing.
 */
final class PasswordHashing {

    private final PasswordEncoder encoder;
    private final int threads;
    private final ThreadLocal<Map<String, String>> hashedAhead = new ThreadLocal<>();

    PasswordHashing(PasswordEncoder encoder, int threads) {
        this.encoder = encoder;
        this.threads = threads;
    }

    PasswordHashing(PasswordEncoder encoder) {
        this(encoder, Runtime.getRuntime().availableProcessors());
    }

    /** The hash stored for a new user with {@code password}: made ahead when this thread's batch made it, else now. */
    String hash(String password) {
        Map<String, String> ahead = hashedAhead.get();
        String hash = ahead == null ? null : ahead.get(password);
        return hash != null ? hash : encoder.encode(password);
    }

    /** Runs {@code registrations} on this thread with {@code passwords} hashed beforehand, on every core. */
    <T> T aheadOf(Collection<String> passwords, Supplier<T> registrations) {
        Map<String, String> previous = hashedAhead.get();
        hashedAhead.set(hashAll(passwords));
        try {
            return registrations.get();
        } finally {
            if (previous == null) {
                hashedAhead.remove();
            } else {
                hashedAhead.set(previous);
            }
        }
    }

    private Map<String, String> hashAll(Collection<String> passwords) {
        List<String> distinct = passwords.stream().distinct().toList();
        Map<String, String> hashes = new HashMap<>();
        if (distinct.isEmpty()) {
            return hashes;
        }
        ExecutorService hashing = Executors.newFixedThreadPool(Math.min(threads, distinct.size()), task -> {
            Thread thread = new Thread(task, "password-hashing");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<String>> hashed = distinct.stream()
                    .map(password -> hashing.submit(() -> encoder.encode(password)))
                    .toList();
            for (int i = 0; i < distinct.size(); i++) {
                hashes.put(distinct.get(i), hashed.get(i).get());
            }
            return hashes;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing passwords", e);
        } finally {
            hashing.shutdownNow();
        }
    }
}
