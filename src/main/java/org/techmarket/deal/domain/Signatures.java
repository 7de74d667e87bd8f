package org.techmarket.deal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Organizations' Ed25519 signing keys and contract signatures, with the JDK's own providers. Private keys are kept
 * sealed with AES-256-GCM under a 32-byte key-encryption key (KEK) from configuration, each under a fresh random
 * 12-byte nonce, as {@code aes256gcm-v1:<kek id>:<nonce>:<ciphertext>} (base64). The public key is bound in as
 * associated data, so a sealed key moved to another organization's row no longer opens.
 */
public final class Signatures {

    private static final String FORMAT = "aes256gcm-v1";
    private static final int KEK_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder DECODE = Base64.getDecoder();

    private final SecretKeySpec kek;
    private final String kekId;
    private final SecureRandom random;

    /**
     * @throws IllegalArgumentException when the KEK is not 32 bytes: a configuration error to stop the start-up
     */
    public Signatures(byte[] keyEncryptionKey) {
        this(keyEncryptionKey, new SecureRandom());
    }

    public Signatures(byte[] keyEncryptionKey, SecureRandom random) {
        if (keyEncryptionKey == null || keyEncryptionKey.length != KEK_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be exactly 32 bytes (AES-256)");
        }
        this.kek = new SecretKeySpec(keyEncryptionKey.clone(), "AES");
        this.kekId = kekId(keyEncryptionKey);
        this.random = random;
    }

    /** A new key pair for an organization, its private key sealed under this KEK. */
    public OrganizationKey generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            KeyPair pair = generator.generateKeyPair();
            String publicKey = BASE64.encodeToString(pair.getPublic().getEncoded());
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            try {
                return new OrganizationKey(publicKey, seal(pkcs8, publicKey));
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 and AES-GCM are part of every Java 17 platform", e);
        }
    }

    /**
     * The organization's signature over a contract hash.
     *
     * @throws SealedKeyException when the private key does not open under this KEK
     */
    public ContractSignature sign(OrganizationKey key, ContractHash hash) {
        byte[] pkcs8 = unseal(key);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(hash.signedMessage());
            return new ContractSignature(hash, key.publicKey(), BASE64.encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new SealedKeyException("the opened private key is not an Ed25519 key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * Whether {@code signature} is a valid signature by the holder of {@code publicKey} over {@code hash}. Anything
     * malformed (not base64, not an Ed25519 key, a signature of the wrong length) is simply not valid, because
     * the inputs may come from anyone.
     */
    public static boolean verify(String publicKey, ContractHash hash, String signature) {
        try {
            PublicKey key =
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(DECODE.decode(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(hash.signedMessage());
            return verifier.verify(DECODE.decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    public static boolean verify(ContractSignature signed) {
        return verify(signed.publicKey(), signed.hash(), signed.signature());
    }

    @Override
    public String toString() {
        return "Signatures[kek=" + kekId + "]";
    }

    private String seal(byte[] plain, String publicKey) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(publicKey));
        return FORMAT + ":" + kekId + ":" + BASE64.encodeToString(nonce) + ":"
                + BASE64.encodeToString(cipher.doFinal(plain));
    }

    private byte[] unseal(OrganizationKey key) {
        String[] parts = key.sealedPrivateKey().split(":");
        if (parts.length != 4 || !parts[0].equals(FORMAT)) {
            throw new SealedKeyException("the stored private key of " + key + " is not in the " + FORMAT + " format");
        }
        if (!parts[1].equals(kekId)) {
            throw new SealedKeyException("the private key of " + key + " was sealed under key-encryption key "
                    + parts[1] + ", but the configured key-encryption key is " + kekId
                    + "; configure the key it was sealed with");
        }
        try {
            byte[] nonce = DECODE.decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.publicKey()));
            return cipher.doFinal(DECODE.decode(parts[3]));
        } catch (AEADBadTagException e) {
            throw new SealedKeyException(
                    "the private key of " + key + " does not open under key-encryption key " + kekId
                            + ": the stored key was altered or belongs to another public key",
                    e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedKeyException("the stored private key of " + key + " is damaged", e);
        }
    }

    private static byte[] associatedData(String publicKey) {
        return ("techmarket-organization-key-v1:" + publicKey).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A short public name for a KEK, so that a key sealed under another KEK is reported as such rather than as
     * damaged. Derived by a labelled hash, which reveals nothing usable about a 256-bit key.
     */
    private static String kekId(byte[] keyEncryptionKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("techmarket-kek-id-v1:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest(keyEncryptionKey), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
