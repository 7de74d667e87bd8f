package org.techmarket.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The migrations' digest, which keys a cluster template, changes with any migration added, edited or renamed and with
 * nothing else; Flyway switched off or a location that cannot be read gives no migrations, so no template is used.
 */
class MigrationsTest {

    @TempDir
    Path work;

    private String digestOf(Path directory) {
        return Migrations.of(List.of("filesystem:" + directory), true)
                .orElseThrow()
                .digest();
    }

    @Test
    void oneMigrationMoreAnEditedOneOrARenamedOneGiveAnotherDigest() throws IOException {
        Path migrations = Files.createDirectories(work.resolve("db/migration"));
        Files.writeString(migrations.resolve("V1__audit.sql"), "create table audit (id bigint);\n");
        String first = digestOf(migrations);

        assertThat(digestOf(migrations)).isEqualTo(first);

        Files.writeString(migrations.resolve("V2__asset.sql"), "create table asset (id text);\n");
        String oneMore = digestOf(migrations);
        assertThat(oneMore).isNotEqualTo(first);

        Files.writeString(migrations.resolve("V2__asset.sql"), "create table asset (id text, title text);\n");
        String edited = digestOf(migrations);
        assertThat(edited).isNotEqualTo(oneMore).isNotEqualTo(first);

        Files.move(migrations.resolve("V2__asset.sql"), migrations.resolve("V3__asset.sql"));
        assertThat(digestOf(migrations)).isNotEqualTo(edited);

        Files.delete(migrations.resolve("V3__asset.sql"));
        assertThat(digestOf(migrations)).isEqualTo(first);
    }

    @Test
    void theMarketsMigrationsAreFoundOnTheClassPath() {
        Migrations market = Migrations.of(new MockEnvironment().withProperty("spring.flyway.group", "true"))
                .orElseThrow();

        assertThat(market.locations()).containsExactly("classpath:db/migration");
        assertThat(market.group()).isTrue();
        assertThat(market.digest()).hasSize(64);
        assertThat(Migrations.of(List.of("classpath:db/nothing-here"), true)
                        .orElseThrow()
                        .digest())
                .isNotEqualTo(market.digest());
    }

    @Test
    void flywaySwitchedOffOrAnUnreadableLocationGivesNoTemplate() {
        assertThat(Migrations.of(new MockEnvironment().withProperty("spring.flyway.enabled", "false")))
                .isEmpty();
        assertThat(Migrations.of(List.of("s3:bucket/migrations"), true)).isEmpty();
    }
}
