package org.techmarket.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * The build's ahead-of-time processing runs the server's {@code main} without creating its beans: the early embedded
 * database must not start a PostgreSQL then, which nothing would take and which would outlive the build.
 */
class EarlyEmbeddedDatabaseTest {

    private static final String AOT_PROCESSING = "spring.aot.processing";

    @TempDir
    Path dataDir;

    @AfterEach
    void clear() {
        System.clearProperty(AOT_PROCESSING);
    }

    @Test
    void theBuildsAheadOfTimeProcessingStartsNoDatabase() {
        System.setProperty(AOT_PROCESSING, "true");
        EarlyEmbeddedDatabase early = new EarlyEmbeddedDatabase();
        SpringApplication server = new SpringApplication(EarlyEmbeddedDatabaseTest.class);

        early.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(),
                server,
                new String[0],
                new MockEnvironment().withProperty("techmarket.data-dir", dataDir.toString())));
        // A database started early would be waited for and stopped here, its directory made on the way.
        early.onApplicationEvent(
                new ApplicationFailedEvent(server, new String[0], null, new IllegalStateException("processed")));

        assertThat(EmbeddedDatabaseConfiguration.pgData(dataDir.toString())).doesNotExist();
    }
}
