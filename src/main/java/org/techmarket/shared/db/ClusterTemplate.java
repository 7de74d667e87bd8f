package org.techmarket.shared.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster holding the market's migrated schema, made once per machine, set of binaries and set of
 * migrations by {@code initdb} and the migrations, and copied into a fresh data directory instead of running initdb and
 * every migration there: a copy of a few dozen megabytes takes a fraction of the seconds those take, and a fresh start
 * waits for it. The template lives beside the binaries the embedded database unpacks (named after their digest and the
 * migrations'), is published by one atomic rename once it is migrated and stopped, and is used only when its marker
 * names these binaries, these migrations and the version it holds, and it belongs to the user who owns the new data
 * directory and no one else may write to it. Anything else (a half-made template, one of other binaries or other
 * migrations, one another user could have planted) is passed over and initdb runs as before. A copy is marked until the
 * market's own identities have been given to it ({@link #giveOwnIdentities}).
 */
final class ClusterTemplate {

    private static final Logger log = LoggerFactory.getLogger(ClusterTemplate.class);

    /**
     * Written last into a template, before its publication: the binaries' digest, the cluster's version and the
     * schema's digest.
     */
    static final String MARKER = "techmarket-template";

    /**
     * Written into a data directory with its copy of the template, removed once the copy has identities of its own:
     * a copy that still has it after a crash gets them at its next start.
     */
    static final String COPIED = "techmarket-copied";

    /**
     * Statements run once on each copy, in one transaction, for the rows the migrations make that must differ between
     * markets (the search feed's origin, V73); the template holds the values of the market it was migrated as.
     */
    static final String IDENTITIES = "db/market-identities.sql";

    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private static final long INITDB_TIMEOUT_MINUTES = 10;
    private static final int SYNC_THREADS = 16;

    private final Path binaries;
    private final Path template;
    private final String digest;
    private final TemplateSchema schema;

    /**
     * The template for the binaries unpacked in {@code binaries} (the embedded database's {@code PG-<digest>}
     * directory) and {@code schema}, kept at {@code template}.
     */
    ClusterTemplate(Path binaries, Path template, String digest, TemplateSchema schema) {
        this.binaries = binaries;
        this.template = template;
        this.digest = digest;
        this.schema = schema;
    }

    /**
     * The template of {@code schema} for the binaries the embedded database runs on this machine, when they are
     * already unpacked (on a machine's very first start they are not, and initdb runs as before).
     */
    static Optional<ClusterTemplate> forThisMachine(TemplateSchema schema) {
        try {
            Path workingDirectory = Path.of(System.getProperty(
                    "ot.epg.working-dir",
                    Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
            String digest = binariesDigest();
            Path binaries = workingDirectory.resolve("PG-" + digest);
            if (!Files.exists(binaries.resolve(".exists"))) {
                return Optional.empty();
            }
            // Part of the schema's digest in the name keeps templates of different migrations apart (a worktree or an
            // older jar beside this one); the marker holds the whole digest, which is what is checked.
            Path template = workingDirectory.resolve(
                    "techmarket-template-" + digest + "-" + schema.digest().substring(0, 16));
            return Optional.of(new ClusterTemplate(binaries, template, digest, schema));
        } catch (IOException | RuntimeException e) {
            log.info("No cluster template: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The same binaries' template kept at {@code elsewhere} instead. */
    ClusterTemplate keptAt(Path elsewhere) {
        return new ClusterTemplate(binaries, elsewhere, digest, schema);
    }

    // The embedded database names the directory of its unpacked binaries after the MD5 of their archive; the same
    // digest names the template, so other binaries (another PostgreSQL version) look for a template of their own.
    private static String binariesDigest() throws IOException {
        String system = System.getProperty("os.name").startsWith("Linux") ? "Linux" : "";
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        if (system.isEmpty()) {
            throw new IOException("templates are made on Linux only");
        }
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch);
                DigestInputStream digesting = new DigestInputStream(archive, MessageDigest.getInstance("MD5"))) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills {@code pgData}, an empty directory, with a copy of the template, making the template first when there is
     * none; returns false, leaving {@code pgData} empty, when no usable template can be had.
     */
    boolean copyInto(Path pgData) {
        try {
            if (!usableFor(pgData) && !make(pgData)) {
                return false;
            }
            long started = System.nanoTime();
            Files.writeString(pgData.resolve(COPIED), template.toString(), StandardCharsets.UTF_8);
            copy(pgData);
            log.info(
                    "Copied the PostgreSQL cluster template {} into {} in {} ms",
                    template,
                    pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not copy the PostgreSQL cluster template {}; running initdb instead", template, e);
            empty(pgData);
            return false;
        }
    }

    /**
     * Gives the market started on {@code pgData} the identities of its own that its copy of the template lacks, when
     * it is such a copy not yet given them; a data directory made any other way is left as it is.
     */
    static void giveOwnIdentities(Path pgData, DataSource database) throws IOException {
        Path copied = pgData.resolve(COPIED);
        if (!Files.exists(copied, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String statements;
        try (InputStream script = ClusterTemplate.class.getClassLoader().getResourceAsStream(IDENTITIES)) {
            if (script == null) {
                throw new IOException("no " + IDENTITIES + " on the class path");
            }
            statements = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(statements);
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("could not give the copied market in " + pgData + " identities of its own", e);
        }
        Files.delete(copied);
        log.info("Gave the market copied into {} identities of its own", pgData);
    }

    /** Whether the template is complete, of these binaries, and safe to copy into {@code pgData}. */
    boolean usableFor(Path pgData) throws IOException {
        Path marker = template.resolve(MARKER);
        Path version = template.resolve("PG_VERSION");
        if (!Files.isDirectory(template, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(version, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(template.resolve("global/pg_control"), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String expected = markerText(Files.readString(version, StandardCharsets.US_ASCII));
        if (!expected.equals(Files.readString(marker, StandardCharsets.US_ASCII))) {
            log.info(
                    "Passing over the cluster template {}: made by other binaries, of another version or of other"
                            + " migrations",
                    template);
            return false;
        }
        UserPrincipal owner = Files.getOwner(pgData);
        if (!owner.equals(Files.getOwner(template, LinkOption.NOFOLLOW_LINKS)) || writableByOthers(template)) {
            log.warn("Passing over the cluster template {}: it is not {}'s alone", template, owner.getName());
            return false;
        }
        return true;
    }

    private String markerText(String pgVersion) {
        return "binaries " + digest + "\nversion " + pgVersion.strip() + "\nschema " + schema.digest() + "\n";
    }

    private static boolean writableByOthers(Path path) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            return permissions.stream().anyMatch(WRITABLE_BY_OTHERS::contains);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: it has no modes to read, and the owner check above is the one that applies.
            return false;
        }
    }

    // initdb and the migrations into a directory of this process's own beside the template, then one rename publishes
    // it: another process sees either no template or a whole, stopped one. Two processes making one at once both
    // make it; the second rename fails and its copy is deleted.
    private boolean make(Path pgData) throws IOException {
        Path initdb = binaries.resolve("bin/initdb");
        if (!Files.isExecutable(initdb)) {
            return false;
        }
        Files.createDirectories(template.getParent());
        Path staging = template.resolveSibling(
                template.getFileName() + ".making-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        long started = System.nanoTime();
        try {
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // As the embedded database runs its own commands when started as root, which initdb refuses to be.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(
                    initdb.toString(), "-A", "trust", "-U", "postgres", "-D", staging.toString(), "-E", "UTF-8"));
            run(command);
            schema.applyTo(staging);
            Files.writeString(
                    staging.resolve(MARKER),
                    markerText(Files.readString(staging.resolve("PG_VERSION"), StandardCharsets.US_ASCII)),
                    StandardCharsets.US_ASCII);
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
            log.info(
                    "Made the PostgreSQL cluster template {} in {} ms",
                    template,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            log.info("Another process made the cluster template {} first", template);
        } finally {
            delete(staging);
        }
        return usableFor(pgData);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(INITDB_TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    // The copy is synced to disk before PostgreSQL starts on it, as initdb syncs what it writes: the server writes
    // ahead only its own changes, and a crash must not lose the catalogue files it only ever read.
    private void copy(Path pgData) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(template)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = template.relativize(source);
                if (relative.toString().equals(MARKER)) {
                    continue;
                }
                Path target = pgData.resolve(relative.toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    files.add(target);
                } else {
                    throw new IOException("the template holds neither a file nor a directory: " + source);
                }
            }
        }
        try {
            Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: PostgreSQL checks no modes there.
        }
        List<Path> directories;
        try (Stream<Path> walk = Files.walk(pgData)) {
            directories = walk.filter(Files::isDirectory).toList();
        }
        forceAll(files);
        forceAll(directories);
    }

    // Each fsync waits for the disk; several in flight at once let the file system commit them together, as initdb's
    // own sync of its directory does.
    private static void forceAll(List<Path> paths) throws IOException {
        ExecutorService syncing = Executors.newFixedThreadPool(SYNC_THREADS, task -> {
            Thread thread = new Thread(task, "cluster-template-sync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> synced = new ArrayList<>();
            for (Path path : paths) {
                synced.add(syncing.submit(() -> {
                    force(path);
                    return null;
                }));
            }
            for (Future<?> each : synced) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException cause ? cause : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing the copied cluster", e);
        } finally {
            syncing.shutdownNow();
        }
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void empty(Path pgData) {
        try (Stream<Path> walk = Files.walk(pgData)) {
            walk.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.equals(pgData))
                    .forEach(ClusterTemplate::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not empty {} after a failed copy", pgData, e);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(ClusterTemplate::deleteOne);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}", directory, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
