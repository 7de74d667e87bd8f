package org.techmarket.verify.client;

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

/**
 * What the verifier remembers of one log between runs, in a directory per log origin: the log key it first saw
 * ({@code key}) and the last checkpoint it verified ({@code checkpoint}, the signed note as served). Files are replaced
 * by an atomic rename.
 */
public final class VerifierState {

    private final Path directory;

    private VerifierState(Path directory) {
        this.directory = directory;
    }

    /**
     * The state kept under {@code root} for the log of this origin, whichever URL serves it: a mirror, or the same
     * market showing another reader another view, is held to what was seen before.
     */
    public static VerifierState of(Path root, String origin) {
        String readable = origin.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = readable.substring(0, Math.min(readable.length(), 60)) + "-"
                + HexFormat.of().formatHex(sha256(origin), 0, 6);
        return new VerifierState(root.resolve(name));
    }

    public Path directory() {
        return directory;
    }

    public Optional<String> key() {
        return read("key");
    }

    public Optional<String> checkpoint() {
        return read("checkpoint");
    }

    void storeKey(String vkey) {
        write("key", vkey + "\n");
    }

    void storeCheckpoint(String note) {
        write("checkpoint", note);
    }

    private Optional<String> read(String file) {
        Path path = directory.resolve(file);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private void write(String file, String text) {
        try {
            Files.createDirectories(directory);
            Path next = Files.createTempFile(directory, file, ".next");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(
                    next, directory.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(file), e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
