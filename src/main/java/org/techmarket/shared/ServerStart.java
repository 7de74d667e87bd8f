package org.techmarket.shared;

import org.springframework.boot.SpringApplication;
import org.techmarket.shared.db.EarlyEmbeddedDatabase;

/** What the server's {@code main} adds to its application before running it. */
public final class ServerStart {

    private ServerStart() {}

    /**
     * Starts the embedded PostgreSQL, when one is wanted, while the application context is being built, and starts
     * from the build's bean definitions when asked to and the settings allow it.
     */
    public static SpringApplication prepare(SpringApplication server) {
        server.addListeners(new EarlyEmbeddedDatabase());
        server.getAllSources().stream()
                .filter(Class.class::isInstance)
                .findFirst()
                .ifPresent(application -> server.addListeners(AheadOfTimeStart.of((Class<?>) application)));
        return server;
    }
}
