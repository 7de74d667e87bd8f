package org.techmarket.deal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.techmarket.shared.Rejection;

/**
 * The identity of a contract: the SHA-256, in lowercase hex, of the UTF-8 bytes of its canonical envelope, which
 * holds the Chinese and the English text (see {@link RenderedContract#envelope()}). Hashing both means a signature
 * binds the translation a party read as well as the prevailing Chinese text.
 */
public record ContractHash(String hex) {

    public ContractHash {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw Rejection.invalid(
                    DealCodes.INVALID_CONTRACT_HASH, "hash", "a contract hash is 64 lowercase hex digits");
        }
    }

    /** The hash of a canonical envelope. */
    public static ContractHash of(String envelope) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return new ContractHash(HexFormat.of().formatHex(digest.digest(envelope.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The bytes a party signs: the hash with a label naming what it is, so that a signature made for a contract
     * can never be presented as a signature over anything else the same key might sign.
     */
    public byte[] signedMessage() {
        return ("techmarket-contract-v1:" + hex).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return hex;
    }
}
