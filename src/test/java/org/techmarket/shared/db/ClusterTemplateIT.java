package org.techmarket.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With the real binaries and the market's migrations: a template made once by initdb and the migrations is copied into
 * fresh data directories, PostgreSQL starts on each copy without initdb, Flyway finds each at the latest migration with
 * nothing pending, and the copies are markets of their own, each with its own search origin.
 */
class ClusterTemplateIT {

    private static final List<String> LOCATIONS = List.of("classpath:db/migration");

    @TempDir
    Path work;

    private static MigrationInfoService flywayInfo(DataSource database) {
        return Flyway.configure()
                .dataSource(database)
                .locations(LOCATIONS.toArray(String[]::new))
                .load()
                .info();
    }

    private static String searchOrigin(JdbcClient jdbc) {
        return jdbc.sql("select id::text from search_origin")
                .query(String.class)
                .single();
    }

    @Test
    void freshDirectoriesCopiedFromOneMigratedTemplateAreCurrentMarketsOfTheirOwn() throws IOException {
        Optional<Migrations> migrations = Migrations.of(LOCATIONS, true);
        // Any start unpacks the binaries on this machine; the template is looked for beside them.
        EmbeddedDatabaseConfiguration.start(work.resolve("unpack/postgres"), Optional.empty())
                .close();
        ClusterTemplate template = ClusterTemplate.forThisMachine(migrations.orElseThrow())
                .orElseThrow()
                .keptAt(work.resolve("template"));

        Path first = Files.createDirectories(work.resolve("first/postgres"));
        Path second = Files.createDirectories(work.resolve("second/postgres"));
        assertThat(template.copyInto(first)).isTrue();
        FileTime made = Files.getLastModifiedTime(work.resolve("template/PG_VERSION"));
        assertThat(template.copyInto(second)).isTrue();
        assertThat(Files.getLastModifiedTime(work.resolve("template/PG_VERSION")))
                .isEqualTo(made);
        assertThat(work.resolve("template/postmaster.pid")).doesNotExist();
        assertThat(work.resolve("template/epg-lock")).doesNotExist();
        assertThat(first.resolve(ClusterTemplate.MARKER)).doesNotExist();
        assertThat(first.resolve(ClusterTemplate.COPIED)).exists();

        String templateOrigin;
        try (EmbeddedPostgres one = EmbeddedDatabaseConfiguration.start(first, migrations);
                EmbeddedPostgres two = EmbeddedDatabaseConfiguration.start(second, migrations)) {
            JdbcClient a = JdbcClient.create(one.getPostgresDatabase());
            JdbcClient b = JdbcClient.create(two.getPostgresDatabase());
            for (EmbeddedPostgres copy : List.of(one, two)) {
                MigrationInfoService info = flywayInfo(copy.getPostgresDatabase());
                MigrationVersion latest = Arrays.stream(info.all())
                        .map(MigrationInfo::getVersion)
                        .max(MigrationVersion::compareTo)
                        .orElseThrow();
                assertThat(info.pending()).isEmpty();
                assertThat(info.current().getVersion()).isEqualTo(latest);
            }
            assertThat(first.resolve(ClusterTemplate.COPIED)).doesNotExist();
            assertThat(searchOrigin(a)).isNotEqualTo(searchOrigin(b));

            a.sql("insert into search_change (type, id) values ('asset', 'kept')")
                    .update();
            assertThat(a.sql("select count(*) from search_change")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(b.sql("select count(*) from search_change")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        // The template itself, started on a copy that keeps its rows, holds the origin neither market has.
        Path kept = Files.createDirectories(work.resolve("kept/postgres"));
        assertThat(template.copyInto(kept)).isTrue();
        Files.delete(kept.resolve(ClusterTemplate.COPIED));
        try (EmbeddedPostgres original = EmbeddedDatabaseConfiguration.start(kept, migrations)) {
            templateOrigin = searchOrigin(JdbcClient.create(original.getPostgresDatabase()));
        }
        try (EmbeddedPostgres one = EmbeddedDatabaseConfiguration.start(first, migrations)) {
            assertThat(searchOrigin(JdbcClient.create(one.getPostgresDatabase())))
                    .isNotEqualTo(templateOrigin);
        }
    }

    @Test
    void aStartForOtherMigrationsPassesTheTemplateOverAndInitdbRuns() throws IOException {
        Optional<Migrations> market = Migrations.of(LOCATIONS, true);
        Optional<Migrations> other = Migrations.of(List.of("classpath:db/migration", "classpath:static/css"), true);
        assertThat(other.orElseThrow().digest())
                .isNotEqualTo(market.orElseThrow().digest());
        EmbeddedDatabaseConfiguration.start(work.resolve("unpack/postgres"), Optional.empty())
                .close();
        ClusterTemplate ofMarket = ClusterTemplate.forThisMachine(market.orElseThrow())
                .orElseThrow()
                .keptAt(work.resolve("template"));
        Path first = Files.createDirectories(work.resolve("first/postgres"));
        assertThat(ofMarket.copyInto(first)).isTrue();

        ClusterTemplate sameDirectoryOtherMigrations = ClusterTemplate.forThisMachine(other.orElseThrow())
                .orElseThrow()
                .keptAt(work.resolve("template"));
        Path second = Files.createDirectories(work.resolve("second/postgres"));
        assertThat(sameDirectoryOtherMigrations.usableFor(second)).isFalse();
    }
}
