package org.techmarket.participant.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An unknown username costs the same password check as a known one, so timing does not tell them apart. */
class PasswordVerifierTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger checks = new AtomicInteger();
    private final List<String> hashedOn = new CopyOnWriteArrayList<>();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            hashedOn.add(Thread.currentThread().getName());
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final PasswordVerifier verifier = new PasswordVerifier(counting);

    @Test
    void anUnknownUsernameIsCheckedAgainstADummyHashMadeWithTheSameStrength() {
        assertThat(verifier.matches(Optional.empty(), "any password at all")).isFalse();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aKnownUsernameIsCheckedOnceWhetherThePasswordIsRightOrWrong() {
        String hash = bcrypt.encode("the right password");
        assertThat(verifier.matches(Optional.of(hash), "a wrong password")).isFalse();
        assertThat(verifier.matches(Optional.of(hash), "the right password")).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aMissingPasswordIsCheckedAndRefusedLikeAnyOther() {
        assertThat(verifier.matches(Optional.empty(), null)).isFalse();
        assertThat(verifier.matches(Optional.of(bcrypt.encode("the right password")), null))
                .isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void theDummyHashNeverMatchesAnUnknownUsernamesPassword() {
        // Even were the dummy's random secret guessed, an unknown account does not log in.
        assertThat(verifier.matches(Optional.empty(), "")).isFalse();
    }

    @Test
    void theDummyHashIsMadeOnAThreadOfItsOwnNotOnTheOneStartingTheServer() {
        assertThat(verifier.matches(Optional.empty(), "any password at all")).isFalse();
        assertThat(hashedOn).containsExactly("password-decoy");
    }
}
