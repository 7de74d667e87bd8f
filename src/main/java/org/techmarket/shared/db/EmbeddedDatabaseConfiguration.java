package org.techmarket.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no external database is configured, so the market runs on a real
 * PostgreSQL with nothing to install. Its data directory lives under {@code techmarket.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${techmarket.data-dir:./data}") String dataDir, Environment environment) {
        return EarlyEmbeddedDatabase.take(pgData(dataDir), () -> Migrations.of(environment));
    }

    static Path pgData(String dataDir) {
        return Path.of(dataDir, "postgres").toAbsolutePath().normalize();
    }

    /**
     * Starts (and, on the first start, creates) the embedded PostgreSQL whose data is in {@code pgData}: a fresh
     * directory is filled from the machine's cluster template of {@code migrations} when there is one (or can be made),
     * so that Flyway finds the schema current, and initdb'd empty otherwise.
     */
    static EmbeddedPostgres start(Path pgData, Optional<Migrations> migrations) {
        try {
            Files.createDirectories(pgData);
            OrphanedPostmaster.stopIfPresent(pgData);
            long started = System.nanoTime();
            if (isEmpty(pgData)) {
                // A fresh directory: the embedded database would run initdb there unless it finds a cluster.
                migrations.flatMap(ClusterTemplate::forThisMachine).ifPresent(template -> template.copyInto(pgData));
            }
            // The embedded server's library turns synchronous_commit off; a commit must be on disk before we answer.
            // It is stopped when the context closes, after the beans that still use it on the way down (event
            // deliveries finishing, the event registry), not by a JVM shutdown hook of its own racing them.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            try {
                ClusterTemplate.giveOwnIdentities(pgData, postgres.getPostgresDatabase());
            } catch (IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            log.info(
                    "Embedded PostgreSQL on port {} with data in {} (started in {} ms)",
                    postgres.getPort(),
                    pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${techmarket.db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("techmarket");
        return new HikariDataSource(config);
    }

    /** Matches when {@code spring.datasource.url} is not set. */
    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
