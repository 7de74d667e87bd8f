package org.techmarket.participant.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A batch's passwords are hashed together on several threads before its registrations run, and each registration
 * then takes its user's hash from them; outside a batch, or for a password the batch did not name, a hash is made when
 * the user is added.
 */
class PasswordHashingTest {

    /** Hashes as "hashed:password", remembering each password it hashed and on which thread. */
    private static class RecordingEncoder implements PasswordEncoder {
        final List<String> hashed = new CopyOnWriteArrayList<>();
        final Map<String, String> threads = new ConcurrentHashMap<>();

        @Override
        public String encode(CharSequence raw) {
            hashed.add(raw.toString());
            threads.put(raw.toString(), Thread.currentThread().getName());
            return "hashed:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encoded.equals("hashed:" + raw);
        }
    }

    @Test
    void aBatchsRegistrationsTakeTheHashesMadeAheadOnOtherThreads() {
        RecordingEncoder encoder = new RecordingEncoder();
        PasswordHashing hashing = new PasswordHashing(encoder, 2);

        List<String> stored = hashing.aheadOf(
                List.of("first-password", "second-password", "third-password"),
                () -> List.of(
                        hashing.hash("second-password"),
                        hashing.hash("first-password"),
                        hashing.hash("third-password")));

        assertThat(stored).containsExactly("hashed:second-password", "hashed:first-password", "hashed:third-password");
        assertThat(encoder.hashed).containsExactlyInAnyOrder("first-password", "second-password", "third-password");
        assertThat(encoder.threads.values()).allMatch(thread -> thread.equals("password-hashing"));
    }

    @Test
    void theBatchsHashesAreMadeAtTheSameTime() {
        // Each hash waits for the other: one after another, the first would wait in vain and fail.
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        PasswordEncoder meeting = new RecordingEncoder() {
            @Override
            public String encode(CharSequence raw) {
                try {
                    bothInFlight.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other hash was not being made", e);
                }
                return super.encode(raw);
            }
        };
        PasswordHashing hashing = new PasswordHashing(meeting, 2);

        String stored = hashing.aheadOf(List.of("one-password", "two-password"), () -> hashing.hash("two-password"));

        assertThat(stored).isEqualTo("hashed:two-password");
    }

    @Test
    void aPasswordTheBatchDidNotNameAndOneAddedAfterTheBatchAreHashedWhenAdded() {
        RecordingEncoder encoder = new RecordingEncoder();
        PasswordHashing hashing = new PasswordHashing(encoder, 2);

        String unnamed = hashing.aheadOf(List.of("named-password"), () -> hashing.hash("unnamed-password"));
        String afterwards = hashing.hash("named-password");

        assertThat(unnamed).isEqualTo("hashed:unnamed-password");
        assertThat(afterwards).isEqualTo("hashed:named-password");
        assertThat(encoder.hashed).containsExactly("named-password", "unnamed-password", "named-password");
        assertThat(encoder.threads.get("unnamed-password"))
                .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aHashThatFailsFailsTheBatchBeforeAnyRegistrationRuns() {
        PasswordEncoder failing = new RecordingEncoder() {
            @Override
            public String encode(CharSequence raw) {
                throw new IllegalArgumentException("cannot hash " + raw);
            }
        };
        PasswordHashing hashing = new PasswordHashing(failing, 2);
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> hashing.aheadOf(List.of("some-password"), () -> ran.add("registered")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot hash");
        assertThat(ran).isEmpty();
    }

    @Test
    void bcryptHashesMadeAheadCheckTheirPasswords() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        PasswordHashing hashing = new PasswordHashing(bcrypt, 2);

        List<String> stored = hashing.aheadOf(
                List.of("Operator-Pass-1", "Regulator-Pass-2"),
                () -> List.of(hashing.hash("Operator-Pass-1"), hashing.hash("Regulator-Pass-2")));

        assertThat(bcrypt.matches("Operator-Pass-1", stored.get(0))).isTrue();
        assertThat(bcrypt.matches("Regulator-Pass-2", stored.get(1))).isTrue();
        assertThat(bcrypt.matches("Operator-Pass-1", stored.get(1))).isFalse();
    }
}
