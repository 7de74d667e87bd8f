package org.techmarket.verify.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.techmarket.verify.Checkpoint;
import org.techmarket.verify.Cosignatures;
import org.techmarket.verify.Ed25519;
import org.techmarket.verify.NoteSigner;
import org.techmarket.verify.SignedNote;
import org.techmarket.verify.TestLogs;

/**
 * The witness of C2SP tlog-witness: it cosigns a log's checkpoints as the log grows consistently, and refuses, with the
 * protocol's status, any checkpoint that would have it cosign a rollback or a fork, a wrong old size, an unknown log or
 * a checkpoint the log did not sign.
 */
class WitnessTest {

    static final String ORIGIN = "market.example/log";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path state;

    final NoteSigner log = NoteSigner.noteKey(ORIGIN, Ed25519.generate());
    final NoteSigner key = NoteSigner.cosignerKey("witness.example/w1", Ed25519.generate());
    final TestLogs.Log history = TestLogs.log(ORIGIN, log, 20, "event ");

    Witness witness() {
        return new Witness(key, Map.of(ORIGIN, List.of(log.verifierKey())), new WitnessState(state), CLOCK);
    }

    @Test
    void it_cosigns_a_log_that_grows_consistently_and_remembers_the_size() {
        Witness witness = witness();

        Witness.Answer first = witness.addCheckpoint(history.addRequest(0, 5));
        Witness.Answer second = witness.addCheckpoint(history.addRequest(5, 12));
        Witness.Answer same = witness.addCheckpoint(history.addRequest(12, 12));

        assertThat(List.of(first.status(), second.status(), same.status())).containsOnly(200);
        SignedNote cosigned = SignedNote.parse(history.note(12) + second.body());
        assertThat(Cosignatures.verify(key.verifierKey(), cosigned))
                .isEqualTo(CLOCK.instant().getEpochSecond());
        assertThat(new WitnessState(state).latest(ORIGIN)).map(Checkpoint::size).contains(12L);
    }

    @Test
    void a_wrong_old_size_is_answered_with_the_size_it_knows() {
        Witness witness = witness();
        witness.addCheckpoint(history.addRequest(0, 5));

        Witness.Answer answer = witness.addCheckpoint(history.addRequest(4, 12));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(answer.body()).isEqualTo("5\n");
        assertThat(witness.addCheckpoint(history.addRequest(0, 12)).body()).isEqualTo("5\n");
    }

    @Test
    void a_forked_log_is_refused_even_by_a_witness_started_afresh_on_its_state() {
        witness().addCheckpoint(history.addRequest(0, 8));
        TestLogs.Log fork = history.forkedAt(3);

        Witness restarted = witness();
        Witness.Answer larger = restarted.addCheckpoint(fork.addRequest(8, 15));
        Witness.Answer sameSize = restarted.addCheckpoint(fork.addRequest(8, 8));

        assertThat(larger.status()).isEqualTo(422);
        assertThat(sameSize.status()).isEqualTo(409);
        assertThat(new WitnessState(state).latest(ORIGIN).orElseThrow().rootHash())
                .isEqualTo(history.root(8));
        assertThat(restarted.addCheckpoint(history.addRequest(8, 15)).status()).isEqualTo(200);
    }

    @Test
    void a_rolled_back_log_is_refused() {
        Witness witness = witness();
        witness.addCheckpoint(history.addRequest(0, 12));

        assertThat(witness.addCheckpoint(history.addRequest(12, 8)).status()).isEqualTo(400);
        assertThat(witness.addCheckpoint(history.addRequest(5, 8)).status()).isEqualTo(409);
        assertThat(new WitnessState(state).latest(ORIGIN)).map(Checkpoint::size).contains(12L);
    }

    @Test
    void an_unknown_log_a_foreign_signature_or_a_bad_body_is_refused() {
        Witness witness = witness();
        NoteSigner stranger = NoteSigner.noteKey(ORIGIN, Ed25519.generate());
        TestLogs.Log otherOrigin = TestLogs.log("other.example/log", log, 5, "x");
        TestLogs.Log signedByStranger = TestLogs.log(ORIGIN, stranger, 5, "event ");

        assertThat(witness.addCheckpoint(otherOrigin.addRequest(0, 5)).status()).isEqualTo(404);
        assertThat(witness.addCheckpoint(signedByStranger.addRequest(0, 5)).status())
                .isEqualTo(403);
        assertThat(witness.addCheckpoint("old 0\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        assertThat(witness.addCheckpoint(("old 00\n\n" + history.note(5)).getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(400);
        String proofFromZero = "old 0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n\n" + history.note(5);
        assertThat(witness.addCheckpoint(proofFromZero.getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(422);
        assertThat(new WitnessState(state).latest(ORIGIN)).isEmpty();
    }

    @Test
    void the_witness_answers_over_http_on_add_checkpoint_only() throws Exception {
        try (WitnessServer server = WitnessServer.start(witness(), new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newHttpClient();
            URI add = URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint");

            HttpResponse<String> cosigned = http.send(
                    HttpRequest.newBuilder(add)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(history.addRequest(0, 7)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> conflict = http.send(
                    HttpRequest.newBuilder(add)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(history.addRequest(0, 9)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> read =
                    http.send(HttpRequest.newBuilder(add).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(cosigned.statusCode()).isEqualTo(200);
            assertThat(Cosignatures.verify(key.verifierKey(), SignedNote.parse(history.note(7) + cosigned.body())))
                    .isPositive();
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
            assertThat(conflict.body()).isEqualTo("7\n");
            assertThat(read.statusCode()).isEqualTo(405);
        }
    }
}
