package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.support.Api;
import org.techmarket.support.ServerProcess;

/**
 * The README's start command, {@code ./techmarket}, run on the packaged jar: a first run unpacks the jar and serves
 * the market from the build's ahead-of-time bean definitions, and records its class-data archive when it is stopped;
 * the next run maps that archive and serves the market again on the same data; an archive that cannot be read (a run
 * killed while writing it) is passed over and the market still starts. With a setting the build's definitions were not
 * made for (a management port of its own) the context is built at start and the setting takes effect.
 */
class LauncherIT {

    // A ceiling, not a wait: on a loaded 2-core machine a start, and writing the archive at exit, take minutes.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(8);

    @TempDir
    Path work;

    private Process running;

    @AfterEach
    void stop() {
        if (running != null && running.isAlive()) {
            ServerProcess.stopAndWait(running.toHandle());
        }
        ServerProcess.stopAll(Optional.empty(), work.resolve("data"));
    }

    // Three starts and an archive written at exit: more than the default five minutes on a loaded machine.
    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aFirstRunRecordsTheClassDataArchiveTheNextMapsItAndADamagedOneIsPassedOver() throws Exception {
        Path archive = work.resolve("app").resolve("techmarket.jsa");

        int port = start("first.log", true, Map.of());
        assertThat(new Api("http://localhost:" + port).get("/", null).status()).isEqualTo(200);
        assertThat(read("first.log")).contains("Starting AOT-processed TechmarketApplication");
        assertThat(archive).as("written only when the server stops").doesNotExist();
        stopGracefully();
        assertThat(archive).isNotEmptyFile();

        port = start("second.log", true, Map.of());
        assertThat(new Api("http://localhost:" + port).get("/", null).status()).isEqualTo(200);
        assertThat(Files.readString(work.resolve("second.log.cds"))).contains("Mapped dynamic region");
        stopGracefully();

        // What a run killed while writing its archive could leave (the JVM writes it read-only: replaced, not opened).
        Files.delete(archive);
        Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        // Built at start, so the management port, which the build's definitions have no server for, answers.
        int managementPort = freePort();
        port = start("damaged.log", false, Map.of("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort)));
        assertThat(new Api("http://localhost:" + port).get("/", null).status()).isEqualTo(200);
        assertThat(new Api("http://localhost:" + managementPort)
                        .get("/actuator/health", null)
                        .status())
                .isEqualTo(200);
        assertThat(read("damaged.log"))
                .contains(
                        "Building the application context at start, not from the build's: management.server.port is set")
                .doesNotContain("AOT-processed");
    }

    /** Runs {@code ./techmarket} on the packaged jar and this test's directories; returns the port once healthy. */
    private int start(String log, boolean logSharing, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of("techmarket").toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--techmarket.demo.enabled=false",
                        "--techmarket.security.bcrypt-strength=4",
                        "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile());
        builder.environment()
                .put(
                        "TECHMARKET_JAR",
                        ServerProcess.packagedJar().toAbsolutePath().toString());
        builder.environment().put("TECHMARKET_APP_DIR", work.resolve("app").toString());
        builder.environment().put("TECHMARKET_DATA_DIR", work.resolve("data").toString());
        builder.environment().remove("TECHMARKET_AOT");
        builder.environment().putAll(environment);
        // Java 17 crashes logging the header of an archive it cannot read, so only good archives are logged.
        builder.environment()
                .put(
                        "JAVA_OPTS",
                        "-Xmx384m" + (logSharing ? " -Xlog:cds=info:file=" + work.resolve(log + ".cds") : ""));
        running = builder.start();
        Api api = new Api("http://localhost:" + port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(running.isAlive())
                    .as(() -> "the market stopped while starting: " + read(log))
                    .isTrue();
            try {
                if (api.get("/", null).status() == 200) {
                    return port;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the market did not start in time: " + read(log));
    }

    /** Stops the server as Ctrl-C or a service manager would, and waits for its archive to be written. */
    private void stopGracefully() throws InterruptedException {
        running.toHandle().destroy();
        assertThat(running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        ServerProcess.stopAll(Optional.empty(), work.resolve("data"));
    }

    private String read(String log) {
        try {
            return Files.readString(work.resolve(log));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
