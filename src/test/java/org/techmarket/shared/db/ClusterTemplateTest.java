package org.techmarket.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh data directory is filled from the machine's cluster template only when the template is whole, of the
 * binaries that will run it, of the version it says, of the migrations the market applies, and no one else's;
 * otherwise it stays empty for initdb. The binaries here are a stand-in {@code initdb} script that writes the few files
 * a cluster is recognised by, and the migrations a stand-in schema that writes one file more.
 */
class ClusterTemplateTest {

    private static final String DIGEST = "0123456789abcdef0123456789abcdef";
    private static final String SCHEMA = "5c4e3a5c4e3a5c4e3a5c4e3a5c4e3a5c4e3a5c4e3a5c4e3a5c4e3a5c4e3a5c4e";
    private static final String MARKER = "binaries " + DIGEST + "\nversion 17\nschema " + SCHEMA + "\n";

    @TempDir
    Path work;

    Path binaries;
    Path template;
    Path pgData;

    @BeforeEach
    void directories() throws IOException {
        binaries = Files.createDirectories(work.resolve("PG-" + DIGEST));
        template = work.resolve("techmarket-template-" + DIGEST);
        pgData = Files.createDirectories(work.resolve("data/postgres"));
    }

    private ClusterTemplate clusterTemplate() {
        return clusterTemplate(SCHEMA, true);
    }

    /** A template whose schema has {@code digest} and, when applied, writes its tables' file or fails. */
    private ClusterTemplate clusterTemplate(String digest, boolean migrates) {
        return new ClusterTemplate(binaries, template, DIGEST, new TemplateSchema() {
            @Override
            public String digest() {
                return digest;
            }

            @Override
            public void applyTo(Path cluster) throws IOException {
                if (!migrates) {
                    throw new IOException("a migration failed");
                }
                Files.writeString(cluster.resolve("base/1/16384"), "market tables of " + digest);
            }
        });
    }

    /** An initdb that makes a cluster of version 17 in its -D directory, counting its runs, or fails. */
    private void initdb(boolean succeeds) throws IOException {
        Path script = Files.createDirectories(binaries.resolve("bin")).resolve("initdb");
        Files.writeString(script, succeeds ? """
                #!/bin/sh
                while [ "$1" != -D ]; do shift; done
                mkdir -p "$2/global" "$2/base/1"
                chmod 700 "$2"
                echo 17 > "$2/PG_VERSION"
                echo control > "$2/global/pg_control"
                echo catalogue > "$2/base/1/1259"
                echo run >> "%s"
                """.formatted(work.resolve("initdb-runs")) : """
                #!/bin/sh
                echo "initdb: error: cannot be run as root" >&2
                exit 1
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    private long initdbRuns() throws IOException {
        Path runs = work.resolve("initdb-runs");
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    private void writeTemplate(String pgVersion, String marker) throws IOException {
        Files.createDirectories(template.resolve("global"));
        Files.writeString(template.resolve("PG_VERSION"), pgVersion + "\n");
        Files.writeString(template.resolve("global/pg_control"), "control");
        if (marker != null) {
            Files.writeString(template.resolve(ClusterTemplate.MARKER), marker);
        }
        Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("rwx------"));
    }

    private boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    @Test
    void aFreshDirectoryIsMadeFromATemplateMadeOnceByInitdb() throws IOException {
        initdb(true);

        assertThat(clusterTemplate().copyInto(pgData)).isTrue();
        Path secondData = Files.createDirectories(work.resolve("second/postgres"));
        assertThat(clusterTemplate().copyInto(secondData)).isTrue();

        assertThat(initdbRuns()).isEqualTo(1);
        for (Path data : new Path[] {pgData, secondData}) {
            assertThat(data.resolve("PG_VERSION")).hasContent("17");
            assertThat(data.resolve("base/1/1259")).hasContent("catalogue");
            assertThat(data.resolve("base/1/16384")).hasContent("market tables of " + SCHEMA);
            assertThat(data.resolve(ClusterTemplate.COPIED)).exists();
            assertThat(data.resolve(ClusterTemplate.MARKER)).doesNotExist();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .isEqualTo("rwx------");
        }
        assertThat(template.resolve(ClusterTemplate.MARKER)).hasContent(MARKER);
        try (Stream<Path> siblings = Files.list(work)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains(".making-"));
        }
    }

    @Test
    void aFailedInitdbPublishesNoTemplateAndLeavesTheDirectoryToTheEmbeddedDatabase() throws IOException {
        initdb(false);

        assertThat(clusterTemplate().copyInto(pgData)).isFalse();

        assertThat(template).doesNotExist();
        assertThat(isEmpty(pgData)).isTrue();
        try (Stream<Path> siblings = Files.list(work)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains(".making-"));
        }
    }

    @Test
    void aFailedMigrationPublishesNoTemplateAndLeavesTheDirectoryToTheEmbeddedDatabase() throws IOException {
        initdb(true);

        assertThat(clusterTemplate(SCHEMA, false).copyInto(pgData)).isFalse();

        assertThat(template).doesNotExist();
        assertThat(isEmpty(pgData)).isTrue();
        try (Stream<Path> siblings = Files.list(work)) {
            assertThat(siblings.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains(".making-"));
        }
    }

    @Test
    void aTemplateOfOtherMigrationsIsNotUsed() throws IOException {
        writeTemplate("17", MARKER);
        assertThat(clusterTemplate().usableFor(pgData)).isTrue();

        String oneMigrationMore = SCHEMA.replace('c', 'd');
        assertThat(clusterTemplate(oneMigrationMore, true).usableFor(pgData)).isFalse();
        assertThat(clusterTemplate(oneMigrationMore, false).copyInto(pgData)).isFalse();
        assertThat(isEmpty(pgData)).isTrue();
    }

    @Test
    void aTemplateWhoseMarkerNamesNoMigrationsIsNotUsed() throws IOException {
        writeTemplate("17", "binaries " + DIGEST + "\nversion 17\n");

        assertThat(clusterTemplate().usableFor(pgData)).isFalse();
    }

    @Test
    void withoutBinariesNoTemplateIsMade() throws IOException {
        assertThat(clusterTemplate().copyInto(pgData)).isFalse();

        assertThat(template).doesNotExist();
        assertThat(isEmpty(pgData)).isTrue();
    }

    @Test
    void aTemplateOfOtherBinariesIsNotUsed() throws IOException {
        writeTemplate("17", MARKER.replace(DIGEST, "fedcba9876543210fedcba9876543210"));

        assertThat(clusterTemplate().usableFor(pgData)).isFalse();
        assertThat(clusterTemplate().copyInto(pgData)).isFalse();
        assertThat(isEmpty(pgData)).isTrue();
    }

    @Test
    void aTemplateHoldingAnotherVersionThanItsMarkerSaysIsNotUsed() throws IOException {
        writeTemplate("16", MARKER);

        assertThat(clusterTemplate().usableFor(pgData)).isFalse();
        assertThat(clusterTemplate().copyInto(pgData)).isFalse();
        assertThat(isEmpty(pgData)).isTrue();
    }

    @Test
    void aHalfMadeTemplateWithoutItsMarkerIsNotUsed() throws IOException {
        writeTemplate("17", null);

        assertThat(clusterTemplate().usableFor(pgData)).isFalse();
        assertThat(clusterTemplate().copyInto(pgData)).isFalse();
        assertThat(isEmpty(pgData)).isTrue();
    }

    @Test
    void aTemplateWithoutItsControlFileIsNotUsed() throws IOException {
        writeTemplate("17", MARKER);
        Files.delete(template.resolve("global/pg_control"));

        assertThat(clusterTemplate().usableFor(pgData)).isFalse();
    }

    @Test
    void aTemplateOthersMayWriteToIsNotUsed() throws IOException {
        writeTemplate("17", MARKER);
        assertThat(clusterTemplate().usableFor(pgData)).isTrue();

        Files.setPosixFilePermissions(template, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(clusterTemplate().usableFor(pgData)).isFalse();
        assertThat(clusterTemplate().copyInto(pgData)).isFalse();
        assertThat(isEmpty(pgData)).isTrue();
    }

    @Test
    void aTemplateHoldingALinkIsNotCopiedAndTheDirectoryIsLeftEmpty() throws IOException {
        writeTemplate("17", MARKER);
        Files.createSymbolicLink(template.resolve("pg_wal"), work);

        assertThat(clusterTemplate().copyInto(pgData)).isFalse();
        assertThat(isEmpty(pgData)).isTrue();
    }
}
