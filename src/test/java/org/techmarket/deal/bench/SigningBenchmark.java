package org.techmarket.deal.bench;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.techmarket.deal.domain.ContractHash;
import org.techmarket.deal.domain.OrganizationKey;
import org.techmarket.deal.domain.Signatures;
import org.techmarket.deal.domain.SignerKey;

/**
 * What a contract signature costs the market: checking a detached signature made with a key the signer holds
 * ({@link SignerKey#accept}), against the baseline of the JDK's bare Ed25519 verification and beside signing with a
 * key the market holds (open the sealed key, sign). Run as the README shows for {@code LedgerLoadBenchmark}.
 */
public final class SigningBenchmark {

    private static final int WARM_UP = 1_000;
    private static final int ROUNDS = 3_000;

    public static void main(String[] args) throws Exception {
        ContractHash hash = ContractHash.of("技术转让合同 / technology transfer contract");
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(hash.signedMessage());
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        SignerKey key = SignerKey.register("key", "org", "user", publicKey, Instant.now());
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Signatures market = new Signatures(kek);
        OrganizationKey sealed = market.generateKey();

        double baseline = 0;
        double detached = 0;
        double serverHeld = 0;
        double register = 0;
        // Three rounds, the last one reported: the first rounds warm the JIT for every step alike.
        for (int round = 0; round < 3; round++) {
            baseline = perSecond(() -> Signatures.verify(publicKey, hash, signature));
            detached = perSecond(() -> key.accept(hash, signature));
            serverHeld = perSecond(() -> market.sign(sealed, hash));
            register = perSecond(() -> SignerKey.register("k", "org", "user", publicKey, Instant.now()));
        }

        System.out.printf("bare Ed25519 verification (baseline): %,.0f/s%n", baseline);
        System.out.printf("detached signature accepted:          %,.0f/s  ratio %.2f%n", detached, detached / baseline);
        System.out.printf(
                "server-held key opened and signing:   %,.0f/s  ratio %.2f%n", serverHeld, serverHeld / baseline);
        System.out.printf("public key checked at registration:   %,.0f/s  ratio %.2f%n", register, register / baseline);
        System.out.println("message signed: " + new String(hash.signedMessage(), StandardCharsets.US_ASCII));
    }

    private static double perSecond(Runnable step) {
        for (int i = 0; i < WARM_UP; i++) {
            step.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            step.run();
        }
        return ROUNDS / ((System.nanoTime() - start) / 1e9);
    }

    private SigningBenchmark() {}
}
