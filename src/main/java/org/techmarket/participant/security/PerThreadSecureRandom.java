package org.techmarket.participant.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A cryptographically strong random source whose every thread draws from a generator of its own (the JDK's
 * {@code DRBG}, NIST SP 800-90A, seeded from the system's entropy when a thread first draws), so that threads never wait
 * on one another. The JDK's default {@code SecureRandom} on Linux ({@code NativePRNG}), which {@code UUID.randomUUID()}
 * and a plain {@code new SecureRandom()} use, reads under one lock for the whole JVM, shared by all its instances: with
 * a new CSRF token on every page a visitor without the token's cookie asks for, the pages' threads queued on it.
 */
final class PerThreadSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<SecureRandom> OWN = ThreadLocal.withInitial(PerThreadSecureRandom::generator);

    PerThreadSecureRandom() {
        super(new Spi(), null);
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every Java 9+ runtime has DRBG; without it there is no token source the pages may use.
            throw new IllegalStateException("no DRBG random generator in this Java runtime", e);
        }
    }

    // SecureRandom synchronizes on itself around a provider-less generator; these go to the thread's own instead.
    @Override
    public void nextBytes(byte[] bytes) {
        OWN.get().nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int length) {
        return OWN.get().generateSeed(length);
    }

    @Override
    public String getAlgorithm() {
        return "DRBG per thread";
    }

    /** The same, for the calls that reach the generator through its provider's interface. */
    private static final class Spi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        @Override
        protected void engineSetSeed(byte[] seed) {
            OWN.get().setSeed(seed);
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            OWN.get().nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            return OWN.get().generateSeed(length);
        }
    }
}
