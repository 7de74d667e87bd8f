package org.techmarket.verify.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.techmarket.shared.SecretFiles;
import org.techmarket.verify.Ed25519;
import org.techmarket.verify.NotVerified;
import org.techmarket.verify.NoteSigner;
import org.techmarket.verify.VerifierKey;

/**
 * A witness's signing key on disk: two lines, the verifier key ({@code vkey}, type 0x04) and the base64 of the 32-byte
 * Ed25519 seed. Created on first use, readable by its owner only; never a key that is committed anywhere.
 */
public final class WitnessKeyFile {

    private WitnessKeyFile() {}

    /** The key in the file, or a new key under this name written to it when the file does not exist yet. */
    public static NoteSigner readOrCreate(Path file, String name) {
        if (!Files.exists(file)) {
            NoteSigner created = NoteSigner.cosignerKey(name, Ed25519.generate());
            write(file, created);
            return created;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                throw new NotVerified(NotVerified.Failure.MALFORMED, "a witness key file holds a vkey and a seed");
            }
            return NoteSigner.cosignerKey(
                    VerifierKey.parse(lines.get(0)),
                    Base64.getDecoder().decode(lines.get(1).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "the witness key's seed is not base64");
        }
    }

    private static void write(Path file, NoteSigner key) {
        String text = key.verifierKey() + "\n" + Base64.getEncoder().encodeToString(key.seed()) + "\n";
        try {
            SecretFiles.create(file, text);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("the witness key " + file + " appeared while being created", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the witness key " + file, e);
        }
    }
}
