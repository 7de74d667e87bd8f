package org.techmarket.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the server's configuration is known, so that
 * {@code initdb} and the database's start, which run in processes of their own, overlap the building of the
 * application context instead of following it. The embedded database's bean takes what was started (waiting for it if
 * need be) or, when nothing was, starts it there as before; one started but not taken by the time the application is
 * ready or has failed is stopped. The server's {@code main} registers it; test contexts do without.
 */
public final class EarlyEmbeddedDatabase implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedDatabase.class);
    private static final String AOT_PROCESSING = "spring.aot.processing";
    private static final Map<Path, CompletableFuture<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            Environment environment = prepared.getEnvironment();
            // The build's ahead-of-time processing runs main too, but creates no beans: nothing would take the
            // database.
            if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                    && !Boolean.getBoolean(AOT_PROCESSING)) {
                Path pgData =
                        EmbeddedDatabaseConfiguration.pgData(environment.getProperty("techmarket.data-dir", "./data"));
                STARTING.computeIfAbsent(
                        pgData,
                        dir -> CompletableFuture.supplyAsync(
                                () -> EmbeddedDatabaseConfiguration.start(dir, Migrations.of(environment)), task -> {
                                    Thread thread = new Thread(task, "embedded-postgres-start");
                                    thread.setDaemon(true);
                                    thread.start();
                                }));
            }
        } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            STARTING.keySet().forEach(pgData -> stopUntaken(STARTING.remove(pgData)));
        }
    }

    /**
     * The embedded database of {@code pgData}: the one started early, once it is up, or one started now for the
     * {@code migrations} the context will apply.
     */
    static EmbeddedPostgres take(Path pgData, Supplier<Optional<Migrations>> migrations) {
        CompletableFuture<EmbeddedPostgres> started = STARTING.remove(pgData);
        if (started == null) {
            return EmbeddedDatabaseConfiguration.start(pgData, migrations.get());
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void stopUntaken(CompletableFuture<EmbeddedPostgres> started) {
        if (started == null) {
            return;
        }
        try {
            started.join().close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL started for a server that did not use it", e);
        }
    }
}
