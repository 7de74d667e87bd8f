package org.techmarket.verify.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What the verifier remembers of one market between runs, in a directory per market URL: the log key it first saw
 * ({@code key}) and the last checkpoint it verified ({@code checkpoint}, the signed note as served). Files are replaced
 * by an atomic rename.
 */
public final class VerifierState {

    private final Path directory;

    private VerifierState(Path directory) {
        this.directory = directory;
    }

    /** The state kept under {@code root} for the market at this URL. */
    public static VerifierState of(Path root, URI market) {
        String name = (market.getHost()
                        + (market.getPort() < 0 ? "" : "_" + market.getPort())
                        + (market.getPath() == null ? "" : market.getPath()))
                .replaceAll("[^A-Za-z0-9._-]", "_");
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
}
