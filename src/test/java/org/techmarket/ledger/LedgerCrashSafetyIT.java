package org.techmarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.TechmarketApplication;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.ServerProcess;
import tools.jackson.databind.JsonNode;

/**
 * A transfer acknowledged to a client survives a {@code kill -9}. The market runs as a separate process on its own
 * embedded PostgreSQL; clients record money received while it is killed mid-stream, first the server process alone
 * (its database outlives it and is shut down cleanly by the next start), then the server and its database together,
 * which leaves only what PostgreSQL had made durable before each commit was acknowledged. After each restart on the
 * same data every acknowledged transfer is there exactly once, and clients may safely resend what was in flight.
 */
class LedgerCrashSafetyIT {

    private static final String OPERATOR_TOKEN = "tm_crash-test-operator-token-01234";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int CLIENTS = 4;

    @TempDir
    Path dataDir;

    private Process server;
    private Path serverLog;

    @AfterEach
    void stopServer() {
        if (server != null && server.isAlive()) {
            ServerProcess.stopAndWait(server.toHandle());
        }
        postgresProcesses().forEach(ServerProcess::stopAndWait);
    }

    @Test
    void acknowledgedTransfersSurviveKillDashNine() throws Exception {
        Api api = start();
        String organization = register(api);
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();

        streamCashInsThenKill(api, organization, sent, acknowledged, false);
        assertThat(postgresProcesses())
                .as("the database outlives a killed server")
                .isNotEmpty();
        api = start();
        assertThat(Files.readString(serverLog)).contains("left running on");
        assertEveryAcknowledgedTransferOnce(api, organization, acknowledged);

        streamCashInsThenKill(api, organization, sent, acknowledged, true);
        api = start();
        assertEveryAcknowledgedTransferOnce(api, organization, acknowledged);

        // What was in flight at the crash is resent with the same bank reference: recorded once, whatever happened.
        for (String reference : sent) {
            if (!acknowledged.containsKey(reference)) {
                Api.Response resent =
                        api.post("/api/v1/ledger/cash-ins", OPERATOR_TOKEN, cashIn(organization, reference));
                assertThat(resent.status()).as(resent.text()).isIn(200, 201);
                acknowledged.put(reference, resent.text("transferId"));
            }
        }
        assertThat(statement(api, organization)).hasSize(sent.size());
        assertThat(available(api, organization)).isEqualTo(sent.size() + ".00");
    }

    /** Clients record receipts of 1 yuan each until enough are acknowledged, then the server is killed under them. */
    private void streamCashInsThenKill(
            Api api, String organization, Set<String> sent, Map<String, String> acknowledged, boolean withDatabase)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger newlyAcknowledged = new AtomicInteger();
        String phase = withDatabase ? "both" : "server";
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String reference = "crash-" + phase + "-" + client + "-" + n;
                    sent.add(reference);
                    try {
                        Api.Response response =
                                api.post("/api/v1/ledger/cash-ins", OPERATOR_TOKEN, cashIn(organization, reference));
                        if (response.status() == 201) {
                            acknowledged.put(reference, response.text("transferId"));
                            newlyAcknowledged.incrementAndGet();
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (newlyAcknowledged.get() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> database = withDatabase ? postgresProcesses() : List.of();
        server.destroyForcibly();
        database.forEach(ProcessHandle::destroyForcibly);
        running.set(false);
        server.waitFor();
        for (ProcessHandle process : database) {
            process.onExit().get();
        }
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(newlyAcknowledged.get()).as("acknowledged before the kill").isGreaterThanOrEqualTo(60);
        System.out.printf(
                "Crash test (%s killed): %d receipts sent so far, %d acknowledged%n",
                withDatabase ? "server and database" : "server", sent.size(), acknowledged.size());
    }

    private void assertEveryAcknowledgedTransferOnce(Api api, String organization, Map<String, String> acknowledged) {
        List<String> transfers = statement(api, organization);
        assertThat(transfers).doesNotHaveDuplicates().containsAll(acknowledged.values());
        assertThat(available(api, organization)).isEqualTo(transfers.size() + ".00");
        Api.Response check = api.get("/api/v1/ledger/balance-check", OPERATOR_TOKEN);
        assertThat(check.json().path("balanced").asBoolean()).as(check.text()).isTrue();
    }

    private static List<String> statement(Api api, String organization) {
        List<String> transfers = new ArrayList<>();
        long after = 0;
        while (true) {
            Api.Response page = api.get(
                    "/api/v1/accounts/entries?limit=200&organizationId=" + organization + "&after=" + after,
                    OPERATOR_TOKEN);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json()
                    .path("items")
                    .forEach(line -> transfers.add(line.path("transferId").asString()));
            if (page.json().path("nextAfter").isNull()) {
                return transfers;
            }
            after = page.json().path("nextAfter").asLong();
        }
    }

    private static String available(Api api, String organization) {
        JsonNode accounts = api.get("/api/v1/accounts?organizationId=" + organization, OPERATOR_TOKEN)
                .json();
        return accounts.get(0).path("available").path("amount").asString();
    }

    private static Map<String, Object> cashIn(String organization, String reference) {
        return Map.of(
                "organizationId",
                organization,
                "amount",
                Map.of("amount", "1.00", "currency", "CNY"),
                "bankReference",
                reference);
    }

    private static String register(Api api) {
        Api.Response registered = api.post(
                "/api/v1/registrations",
                null,
                Fixtures.registration(
                        "Crash Test Co",
                        "ENTERPRISE",
                        Fixtures.uniqueCreditCode(),
                        "440300",
                        "crash-admin",
                        "crash test password"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.text("organizationId");
    }

    /** Starts the market in a new JVM on the test's data directory and waits until it answers. */
    private Api start() throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("server-" + System.nanoTime() + ".log");
        serverLog = log;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        TechmarketApplication.class.getName(),
                        "--server.port=" + port,
                        "--techmarket.data-dir=" + dataDir,
                        "--techmarket.demo.enabled=false",
                        "--techmarket.admin-token=" + OPERATOR_TOKEN,
                        "--techmarket.security.bcrypt-strength=4",
                        "--spring.datasource.url=",
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Api api = new Api("http://localhost:" + port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return api;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start in time:\n" + Files.readString(log));
    }

    /** The embedded PostgreSQL's postmaster, from its pid file, and its backends. */
    private List<ProcessHandle> postgresProcesses() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return List.of();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            List<ProcessHandle> processes = new ArrayList<>();
            postmaster.ifPresent(p -> {
                processes.addAll(p.descendants().toList());
                processes.add(p);
            });
            return processes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
