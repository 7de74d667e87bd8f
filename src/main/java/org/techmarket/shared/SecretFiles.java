package org.techmarket.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the market keeps a secret it generated (a key in the data directory): a new file only its owner may read. */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

    private SecretFiles() {}

    /**
     * Creates {@code file} (and its directories), makes it readable and writable by its owner alone where the file
     * system has POSIX permissions (with a warning where it has not), and only then writes {@code text} into it.
     * Refused with {@link java.nio.file.FileAlreadyExistsException} when the file exists: a secret is never
     * overwritten.
     */
    public static void create(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path created = Files.createFile(file);
        try {
            Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of {}", created.toAbsolutePath());
        }
        Files.writeString(created, text, StandardCharsets.US_ASCII);
    }
}
