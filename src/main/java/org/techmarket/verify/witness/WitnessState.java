package org.techmarket.verify.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.techmarket.verify.Checkpoint;

/**
 * What a witness remembers, in a directory of its own: per log origin, the text of the last checkpoint it cosigned.
 * A file is replaced by an atomic rename, so a crash leaves the old checkpoint or the new one, never half of one.
 */
public final class WitnessState {

    private final Path directory;

    public WitnessState(Path directory) {
        try {
            this.directory = Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the witness's state directory " + directory, e);
        }
    }

    /** The last checkpoint cosigned for the origin, if any. */
    public Optional<Checkpoint> latest(String origin) {
        Path file = fileOf(origin);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness's state " + file, e);
        }
    }

    /** Remembers this checkpoint text as the last cosigned for the origin; done before the cosignature is given. */
    void record(String origin, String checkpointText) {
        Path file = fileOf(origin);
        try {
            Path next = Files.createTempFile(directory, "checkpoint", ".next");
            Files.writeString(next, checkpointText, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the witness's state " + file, e);
        }
    }

    private Path fileOf(String origin) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".checkpoint");
    }
}
