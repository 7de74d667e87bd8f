package org.techmarket.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * The market's Flyway migrations as the application applies them (the same locations, in one transaction when the
 * application groups them), named by a digest over every migration resource's path and content: a cluster template
 * migrated by one set is used only by a jar holding exactly that set, and any migration added, removed or edited gives
 * another digest.
 */
record Migrations(List<String> locations, boolean group, String digest) implements TemplateSchema {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final String DEFAULT_LOCATION = "classpath:db/migration";
    private static final String LOCK_FILE = "epg-lock";

    /**
     * The migrations the environment's Flyway settings name, or none when Flyway is off or a location is of a kind a
     * template cannot be keyed by (only {@code classpath:} and {@code filesystem:} locations are read).
     */
    static Optional<Migrations> of(Environment environment) {
        if (!environment.getProperty("spring.flyway.enabled", Boolean.class, true)) {
            return Optional.empty();
        }
        List<String> locations = Arrays.stream(StringUtils.commaDelimitedListToStringArray(
                        environment.getProperty("spring.flyway.locations", DEFAULT_LOCATION)))
                .map(String::strip)
                .filter(StringUtils::hasText)
                .toList();
        return of(locations, environment.getProperty("spring.flyway.group", Boolean.class, false));
    }

    /** The migrations at {@code locations}, or none when one of them cannot be read. */
    static Optional<Migrations> of(List<String> locations, boolean group) {
        try {
            return Optional.of(new Migrations(locations, group, digestOf(locations)));
        } catch (IOException | IllegalArgumentException e) {
            log.info("No cluster template for the migrations at {}: {}", locations, e.toString());
            return Optional.empty();
        }
    }

    // Every file under each location, in the order of their paths, each as its location, path and content: what
    // Flyway reads (SQL and Java migrations, callbacks) is among them, so the same digest means the same schema.
    private static String digestOf(List<String> locations) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(Migrations.class.getClassLoader());
        for (String location : locations) {
            Map<String, Resource> files = new TreeMap<>();
            String root = rootPath(location) + "/";
            for (Resource resource : resolver.getResources(searchRoot(location) + "/**/*")) {
                String path = resource.getURL().getPath();
                if (resource.isReadable() && !path.endsWith("/")) {
                    files.put(path.substring(path.lastIndexOf(root) + root.length()), resource);
                }
            }
            sha256.update((location + "\0").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, Resource> file : files.entrySet()) {
                sha256.update((file.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                try (InputStream content = file.getValue().getInputStream()) {
                    sha256.update(content.readAllBytes());
                }
                sha256.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String searchRoot(String location) {
        if (location.startsWith("classpath:")) {
            return "classpath*:" + rootPath(location);
        }
        if (location.startsWith("filesystem:")) {
            return "file:" + rootPath(location);
        }
        throw new IllegalArgumentException("not a classpath or filesystem location: " + location);
    }

    private static String rootPath(String location) {
        String path = location.substring(location.indexOf(':') + 1);
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Starts PostgreSQL on {@code cluster}, applies the migrations to its {@code postgres} database (the one the
     * market uses) as the application would, and stops it cleanly: a template must hold no running server's files.
     */
    @Override
    public void applyTo(Path cluster) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(postgres.getPostgresDatabase())
                    .locations(locations.toArray(String[]::new))
                    .group(group)
                    .load()
                    .migrate();
            // The shutdown's checkpoint then has little left to write, well within the embedded database's wait.
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("checkpoint");
            }
        } catch (SQLException | RuntimeException e) {
            throw new IOException("could not migrate the template " + cluster, e);
        }
        if (Files.exists(cluster.resolve("postmaster.pid"), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("PostgreSQL did not stop cleanly on the template " + cluster);
        }
        // The embedded database deletes any directory beside its binaries that holds its lock file unlocked, taking it
        // for a data directory a test left behind: with it, the next such start would delete the template.
        Files.deleteIfExists(cluster.resolve(LOCK_FILE));
    }
}
