package org.techmarket.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by a server process that was killed (the embedded
 * database runs as separate processes, which outlive a {@code kill -9} of the JVM). It would keep the directory
 * locked and the market could not start again, so it is shut down cleanly before the embedded database starts.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** The lock file the embedded database holds while a live JVM uses the directory. */
    private static final String OWNER_LOCK = "epg-lock";

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {}

    static void stopIfPresent(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty() || ownedByLiveServer(dataDirectory)) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "Stopping PostgreSQL (pid {}) left running on {} by a server that did not shut down",
                process.pid(),
                dataDirectory);
        process.destroy(); // SIGTERM: a clean "smart" shutdown, which waits for no one since its clients are gone
        try {
            process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "PostgreSQL pid " + process.pid() + " on " + dataDirectory
                            + " did not stop; stop it and start again",
                    e);
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when another live process holds the embedded database's lock on the directory. */
    private static boolean ownedByLiveServer(Path dataDirectory) {
        try (FileChannel channel = FileChannel.open(
                dataDirectory.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
