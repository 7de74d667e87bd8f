package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.support.IntegrationTest;
import org.techmarket.verify.market.Witnessing;
import org.techmarket.verify.witness.Witness;
import org.techmarket.verify.witness.WitnessServer;
import org.techmarket.verify.witness.WitnessState;

/**
 * The market with a witness configured: each new checkpoint goes to the witness with a consistency proof from the size
 * it cosigned before, and the checkpoint endpoint serves the cosignature, which the verifier can require.
 */
class WitnessingIT extends IntegrationTest {

    static final String ORIGIN = "techmarket.example/witnessing-it";
    static final KeyPair MARKET_KEY = Ed25519.generate();
    static final NoteSigner WITNESS_KEY = NoteSigner.cosignerKey("witness.example/it", Ed25519.generate());
    static final Path WITNESS_STATE = temporaryDirectory();
    // The witness trusts the market's key from the start, so the job's first run, whenever it comes, finds it ready.
    static final Witness WITNESS = new Witness(
            WITNESS_KEY,
            Map.of(ORIGIN, List.of(NoteSigner.noteKey(ORIGIN, MARKET_KEY).verifierKey())),
            new WitnessState(WITNESS_STATE),
            Clock.systemUTC());
    static final WitnessServer SERVER = witnessServer();

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
                () -> "http://127.0.0.1:" + SERVER.port() + " " + WITNESS_KEY.verifierKey());
        registry.add("techmarket.log.origin", () -> ORIGIN);
        registry.add(
                "techmarket.log.signing-key",
                () -> Base64.getEncoder().encodeToString(MARKET_KEY.getPrivate().getEncoded()) + "\n"
                        + Base64.getEncoder().encodeToString(Ed25519.rawPublicKey(MARKET_KEY.getPublic())));
        // The test asks the witness itself, so that what it sees does not hang on a schedule.
        registry.add("techmarket.log.witnessing-interval", () -> "PT1H");
    }

    @AfterAll
    static void stopWitness() {
        SERVER.close();
    }

    @Test
    void each_new_checkpoint_is_cosigned_by_the_witness_and_served_with_its_cosignature() {
        SignedNote first = SignedNote.parse(checkpointAfterNewEvent());

        witnessing.askWitnesses();
        SignedNote served =
                SignedNote.parse(api.get("/api/v1/log/checkpoint", null).text());
        assertThat(served.text()).isEqualTo(first.text());
        assertThat(Cosignatures.verify(WITNESS_KEY.verifierKey(), served)).isPositive();
        assertThat(witnessing.askWitnesses()).isZero();

        SignedNote second = SignedNote.parse(checkpointAfterNewEvent());
        assertThat(Checkpoint.parse(second.text()).size())
                .isGreaterThan(Checkpoint.parse(first.text()).size());
        assertThat(witnessing.askWitnesses()).isEqualTo(1);
        served = SignedNote.parse(api.get("/api/v1/log/checkpoint", null).text());
        assertThat(served.text()).isEqualTo(second.text());
        assertThat(Cosignatures.verify(WITNESS_KEY.verifierKey(), served)).isPositive();
        assertThat(new WitnessState(WITNESS_STATE).latest(ORIGIN))
                .map(Checkpoint::size)
                .contains(Checkpoint.parse(second.text()).size());
    }

    private String checkpointAfterNewEvent() {
        new LogEvents(transactions, sealer, auditLog).recordSealed("witnessed");
        return LogEvents.issueCheckpoint(api);
    }

    private static WitnessServer witnessServer() {
        try {
            return WitnessServer.start(WITNESS, new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("witness-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
