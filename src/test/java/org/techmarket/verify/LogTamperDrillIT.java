package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.AuditLog;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.support.IntegrationTest;
import org.techmarket.verify.witness.Witness;
import org.techmarket.verify.witness.WitnessState;

/**
 * Tamper drills against the running market: an audit event changed in PostgreSQL by a superuser, behind the
 * application's back, is caught by {@code verify-log}; a log shown rolled back or forked (a market endpoint serving
 * other checkpoints signed with the market's own key) is caught by {@code verify-log} against the checkpoint it stored,
 * and refused by a witness that cosigned the honest one.
 */
class LogTamperDrillIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditLog auditLog;

    @Value("${local.server.port}")
    int port;

    @Value("${techmarket.data-dir:./data}")
    String dataDir;

    @Value("${techmarket.log.signing-key:}")
    String configuredKey;

    @TempDir
    Path state;

    String out;
    String err;

    @Test
    void an_audit_row_changed_by_a_superuser_is_caught_by_the_verifier() {
        String subject = recordEvent();
        long index = leafIndexOf(subject);
        issueCheckpoint();
        assertThat(verifyLog(market(), "--entry", String.valueOf(index)))
                .as(err)
                .isEqualTo(Commands.VERIFIED);

        String payload = jdbc.sql("select payload from audit_event where subject = ?")
                .param(subject)
                .query(String.class)
                .single();
        try {
            asSuperuser("update audit_event set payload = ? where subject = ?", "{\"note\":\"rewritten\"}", subject);

            assertThat(verifyLog(market(), "--entry", String.valueOf(index))).isEqualTo(Commands.FAILED);
            assertThat(err).contains("LEAF_MISMATCH", "entry " + index);
        } finally {
            asSuperuser("update audit_event set payload = ? where subject = ?", payload, subject);
        }
        assertThat(verifyLog(market(), "--entry", String.valueOf(index)))
                .as(err)
                .isEqualTo(Commands.VERIFIED);
    }

    @Test
    void a_log_shown_rolled_back_or_forked_is_caught_by_the_verifier_and_refused_by_the_witness() throws Exception {
        recordEvent();
        recordEvent();
        issueCheckpoint();
        String honest = api.get("/api/v1/log/checkpoint", null).text();
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(honest).text());
        int size = Math.toIntExact(checkpoint.size());
        VerifierKey marketKey =
                VerifierKey.parse(api.get("/api/v1/log/key", null).text());
        NoteSigner witnessKey = NoteSigner.cosignerKey("witness.example/drill", Ed25519.generate());
        Witness witness = new Witness(
                witnessKey,
                Map.of(checkpoint.origin(), List.of(marketKey)),
                new WitnessState(state.resolve("witness")),
                Clock.systemUTC());

        assertThat(verifyLog(market())).as(err).isEqualTo(Commands.VERIFIED);
        Witness.Answer cosigned = witness.addCheckpoint(("old 0\n\n" + honest).getBytes(StandardCharsets.UTF_8));
        assertThat(cosigned.status()).isEqualTo(200);
        assertThat(Cosignatures.verify(witnessKey.verifierKey(), SignedNote.parse(honest + cosigned.body())))
                .isPositive();

        // Another history signed with the market's own key: what a venue showing one reader a different log shows.
        NoteSigner sameKey = NoteSigner.noteKey(checkpoint.origin(), marketKeyPair());
        assertThat(sameKey.verifierKey()).isEqualTo(marketKey);
        TestLogs.Log fork = TestLogs.log(checkpoint.origin(), sameKey, size + 5, "forged event ");
        try (FakeMarket forked = new FakeMarket(fork, size + 5)) {
            assertThat(verifyLog(forked.url().toString())).isEqualTo(Commands.FAILED);
            assertThat(err).contains("INCONSISTENT");
            assertThat(witness.addCheckpoint(fork.addRequest(size, size + 5)).status())
                    .isEqualTo(422);
            assertThat(witness.addCheckpoint(fork.addRequest(size, size)).status())
                    .isEqualTo(409);

            forked.serve(fork, size - 1);
            assertThat(verifyLog(forked.url().toString())).isEqualTo(Commands.FAILED);
            assertThat(err).contains("rolled back");
            assertThat(witness.addCheckpoint(fork.addRequest(size, size - 1)).status())
                    .isEqualTo(400);
            assertThat(witness.addCheckpoint(fork.addRequest(size - 1, size - 1))
                            .status())
                    .isEqualTo(409);
        }
        assertThat(new WitnessState(state.resolve("witness")).latest(checkpoint.origin()))
                .map(Checkpoint::size)
                .contains(checkpoint.size());
    }

    private String market() {
        return "http://localhost:" + port;
    }

    private String recordEvent() {
        return new LogEvents(transactions, sealer, auditLog).recordSealed("drill");
    }

    private void issueCheckpoint() {
        LogEvents.issueCheckpoint(api);
    }

    private long leafIndexOf(String subject) {
        return jdbc.sql("select sequence - 1 from audit_event where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    /** What only a database superuser can do: change a row past the append-only trigger. */
    private void asSuperuser(String sql, Object... params) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            assertThat(jdbc.sql(sql).params(params).update()).isEqualTo(1);
        });
    }

    /** The market's log key as it keeps it: base64 of the PKCS#8 private key, then of the raw public key. */
    private KeyPair marketKeyPair() throws Exception {
        String stored = configuredKey.isBlank()
                ? Files.readString(Path.of(dataDir).resolve("log-signing-key"), StandardCharsets.US_ASCII)
                : configuredKey;
        String[] lines = stored.strip().split("\\s+");
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        byte[] spki = Base64.getDecoder().decode("MCowBQYDK2VwAyEA");
        byte[] raw = Base64.getDecoder().decode(lines[1]);
        byte[] encoded = new byte[spki.length + raw.length];
        System.arraycopy(spki, 0, encoded, 0, spki.length);
        System.arraycopy(raw, 0, encoded, spki.length, raw.length);
        return new KeyPair(
                keys.generatePublic(new X509EncodedKeySpec(encoded)),
                keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0]))));
    }

    private int verifyLog(String market, String... more) {
        List<String> args = new ArrayList<>(List.of("verify-log", market, "--state", state.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status = Commands.run(
                args.toArray(String[]::new),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
