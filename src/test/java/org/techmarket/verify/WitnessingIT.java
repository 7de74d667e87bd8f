package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.verify.market.Witnessing;
import org.techmarket.verify.witness.Witness;
import org.techmarket.verify.witness.WitnessState;

/**
 * The market with a witness configured: each new checkpoint goes to the witness with a consistency proof from the size
 * it cosigned before, and the checkpoint endpoint serves the cosignature, which the verifier can require.
 */
class WitnessingIT extends IntegrationTest {

    static final NoteSigner WITNESS_KEY = NoteSigner.cosignerKey("witness.example/it", Ed25519.generate());
    static final AtomicReference<Witness> WITNESS = new AtomicReference<>();
    static final HttpServer SERVER = witnessServer();

    @Autowired
    Witnessing witnessing;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditLog auditLog;

    @DynamicPropertySource
    static void witness(DynamicPropertyRegistry registry) {
        registry.add(
                "techmarket.log.witnesses",
                () -> "http://127.0.0.1:" + SERVER.getAddress().getPort() + " " + WITNESS_KEY.verifierKey());
        // The test asks the witness itself, so that what it sees does not hang on a schedule.
        registry.add("techmarket.log.witnessing-interval", () -> "PT1H");
    }

    @AfterAll
    static void stopWitness() {
        SERVER.stop(0);
    }

    @Test
    void each_new_checkpoint_is_cosigned_by_the_witness_and_served_with_its_cosignature() throws Exception {
        VerifierKey marketKey =
                VerifierKey.parse(api.get("/api/v1/log/key", null).text());
        String origin = Checkpoint.parse(
                        SignedNote.parse(checkpointAfterNewEvent()).text())
                .origin();
        Path state = Files.createTempDirectory("witness-it");
        WITNESS.set(new Witness(
                WITNESS_KEY, Map.of(origin, List.of(marketKey)), new WitnessState(state), Clock.systemUTC()));

        assertThat(witnessing.askWitnesses()).isEqualTo(1);
        SignedNote first =
                SignedNote.parse(api.get("/api/v1/log/checkpoint", null).text());
        assertThat(Cosignatures.verify(WITNESS_KEY.verifierKey(), first)).isPositive();
        assertThat(witnessing.askWitnesses()).isZero();

        SignedNote second = SignedNote.parse(checkpointAfterNewEvent());
        assertThat(Checkpoint.parse(second.text()).size())
                .isGreaterThan(Checkpoint.parse(first.text()).size());
        assertThat(witnessing.askWitnesses()).isEqualTo(1);
        SignedNote served =
                SignedNote.parse(api.get("/api/v1/log/checkpoint", null).text());
        assertThat(served.text()).isEqualTo(second.text());
        assertThat(Cosignatures.verify(WITNESS_KEY.verifierKey(), served)).isPositive();
        assertThat(new WitnessState(state).latest(origin))
                .map(Checkpoint::size)
                .contains(Checkpoint.parse(second.text()).size());
    }

    private String checkpointAfterNewEvent() {
        String subject = "test:" + Fixtures.unique("witnessed");
        transactions.executeWithoutResult(
                status -> auditLog.record(subject, "LogEntryTested", subject, Map.of("note", "witnessed")));
        sealer.sealCommitted();
        return api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0])
                .text();
    }

    private static HttpServer witnessServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/add-checkpoint", exchange -> {
                try (exchange) {
                    Witness.Answer answer = WITNESS.get()
                            .addCheckpoint(exchange.getRequestBody().readAllBytes());
                    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
                    exchange.sendResponseHeaders(answer.status(), body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
