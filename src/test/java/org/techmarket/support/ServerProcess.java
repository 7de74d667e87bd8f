package org.techmarket.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.techmarket.TechmarketApplication;

/**
 * The market started as a separate JVM on its own embedded PostgreSQL in {@code dataDir}, so that a test can kill it
 * as the operating system would ({@code kill -9}) and start it again on the same data; or started from the packaged
 * jar as one of several nodes on one PostgreSQL ({@link #node}). Its operator's token is
 * {@link IntegrationTest#ADMIN_TOKEN}.
 */
public final class ServerProcess {

    // A ceiling, not a wait: two JVMs starting at once on a busy 2-core machine took over two minutes.
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final Path dataDir;
    private final Api api;

    private ServerProcess(Process process, Path dataDir, Api api) {
        this.process = process;
        this.dataDir = dataDir;
        this.api = api;
    }

    /** Starts the market on {@code dataDir} and waits until it answers its health check. */
    public static ServerProcess start(Path dataDir) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = command(
                List.of("-cp", System.getProperty("java.class.path"), TechmarketApplication.class.getName()),
                port,
                dataDir);
        command.add("--spring.datasource.url=");
        return launch(new ProcessBuilder(command), port, dataDir);
    }

    /**
     * Starts the packaged jar as one node of several on the PostgreSQL at {@code jdbcUrl} (user {@code postgres}), with
     * its own {@code dataDir} for its log, the further {@code environment} and {@code arguments}, and waits until it
     * answers its health check.
     */
    public static ServerProcess node(
            Path jar, String jdbcUrl, Path dataDir, Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = command(List.of("-jar", jar.toString()), port, dataDir);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().putAll(environment);
        return launch(builder, port, dataDir);
    }

    /**
     * A small JVM running {@code launch} (a main class or a jar) on {@code port}: demo off, quick password hashing, and
     * no rate limits, since a test writes far faster than a client would (the packaged jar does not read the test
     * classpath's {@code config/application.properties}).
     */
    private static List<String> command(List<String> launch, int port, Path dataDir) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:TieredStopAtLevel=1"));
        command.addAll(launch);
        command.addAll(List.of(
                "--server.port=" + port,
                "--techmarket.data-dir=" + dataDir,
                "--techmarket.demo.enabled=false",
                "--techmarket.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "--techmarket.security.bcrypt-strength=4",
                "--techmarket.rate-limit.token.writes=0",
                "--techmarket.rate-limit.address.writes=0",
                "--spring.main.banner-mode=off"));
        return command;
    }

    /** The packaged jar ({@code target/techmarket-*.jar}) that {@code package} builds before the integration tests. */
    public static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.startsWith("techmarket-") && name.endsWith(".jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no target/techmarket-*.jar: run ./mvnw package first"));
        }
    }

    private static ServerProcess launch(ProcessBuilder builder, int port, Path dataDir)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
        Process process =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Api api = new Api("http://localhost:" + port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return new ServerProcess(process, dataDir, api);
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start in time:\n" + Files.readString(log));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public Api api() {
        return api;
    }

    /** Whether the server's JVM still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server's JVM as a service manager would, and waits until it is gone. */
    public void stop() {
        if (process.isAlive()) {
            stopAndWait(process.toHandle());
        }
    }

    /** Kills the server's JVM at once, as {@code kill -9} would; its database keeps running. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A client of the server's embedded database, opening a connection per statement. */
    public JdbcClient database() {
        return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), "postgres", ""));
    }

    /** The JDBC URL of the server's embedded database, read from its postmaster's pid file. */
    public String jdbcUrl() {
        try {
            List<String> pidFile =
                    Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return "jdbc:postgresql://localhost:" + pidFile.get(3).strip() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server if it still runs, and the embedded database it leaves behind. */
    public static void stopAll(Optional<ServerProcess> server, Path dataDir) {
        server.filter(s -> s.process.isAlive()).ifPresent(s -> stopAndWait(s.process.toHandle()));
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(ServerProcess::stopAndWait);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a process and its descendants and waits until they are gone, so that nothing still writes into the data
     * directory when the test deletes it (PostgreSQL writes its shutdown checkpoint after the signal).
     */
    public static void stopAndWait(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
                handle.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
