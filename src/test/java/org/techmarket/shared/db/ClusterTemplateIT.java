package org.techmarket.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With the real binaries: a template made by initdb is copied into a fresh data directory, PostgreSQL starts on the copy
 * without running initdb there, and two copies are databases of their own.
 */
class ClusterTemplateIT {

    @TempDir
    Path work;

    @Test
    void twoFreshDirectoriesStartAsDatabasesOfTheirOwnFromOneTemplate() throws IOException, SQLException {
        // Any start unpacks the binaries on this machine; the template is looked for beside them.
        EmbeddedDatabaseConfiguration.start(work.resolve("unpack/postgres")).close();
        ClusterTemplate template =
                ClusterTemplate.forThisMachine().orElseThrow().keptAt(work.resolve("template"));

        Path first = Files.createDirectories(work.resolve("first/postgres"));
        Path second = Files.createDirectories(work.resolve("second/postgres"));
        assertThat(template.copyInto(first)).isTrue();
        FileTime made = Files.getLastModifiedTime(work.resolve("template/PG_VERSION"));
        assertThat(template.copyInto(second)).isTrue();
        assertThat(Files.getLastModifiedTime(work.resolve("template/PG_VERSION")))
                .isEqualTo(made);
        assertThat(first.resolve(ClusterTemplate.MARKER)).doesNotExist();

        try (EmbeddedPostgres one = EmbeddedDatabaseConfiguration.start(first);
                EmbeddedPostgres two = EmbeddedDatabaseConfiguration.start(second)) {
            JdbcClient a = JdbcClient.create(one.getPostgresDatabase());
            JdbcClient b = JdbcClient.create(two.getPostgresDatabase());
            assertThat(a.sql("show server_version_num").query(String.class).single())
                    .startsWith(Files.readString(first.resolve("PG_VERSION")).strip());
            a.sql("create table kept (id int)").update();
            a.sql("insert into kept values (1)").update();
            assertThat(a.sql("select count(*) from kept").query(Long.class).single())
                    .isEqualTo(1);
            assertThat(b.sql("select count(*) from pg_tables where tablename = 'kept'")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(b.sql("select datname from pg_database order by datname")
                            .query(String.class)
                            .list())
                    .isEqualTo(List.of("postgres", "template0", "template1"));
        }
    }
}
