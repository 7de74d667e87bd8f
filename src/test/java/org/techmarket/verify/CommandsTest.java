package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-log} run as anyone would run it, against a market over HTTP: it passes on an honest log that grows,
 * and fails, with exit status 1 and the reason, on a rollback, a fork, a changed entry, a replaced key or a missing
 * witness cosignature, each judged against what it stored on its previous run.
 */
class CommandsTest {

    static final String ORIGIN = "market.example/log";

    @TempDir
    Path state;

    final NoteSigner logKey = NoteSigner.noteKey(ORIGIN, Ed25519.generate());
    final TestLogs.Log history = TestLogs.log(ORIGIN, logKey, 40, "event ");
    FakeMarket market;
    String out;
    String err;

    @BeforeEach
    void open() throws Exception {
        market = new FakeMarket(history, 10);
    }

    @AfterEach
    void close() {
        market.close();
    }

    @Test
    void an_honest_log_verifies_run_after_run_as_it_grows() {
        assertThat(verifyLog("--entry", "0", "--entry", "9")).isEqualTo(Commands.VERIFIED);
        assertThat(out).contains("first time", "size 10", "entry 0", "entry 9", "verified");

        market.serve(history, 33);

        assertThat(verifyLog("--entry", "32")).isEqualTo(Commands.VERIFIED);
        assertThat(out).contains("consistent with the checkpoint stored before: size 10 -> 33", "entry 32");
    }

    @Test
    void a_log_rolled_back_or_forked_fails_against_the_checkpoint_stored_before() {
        market.serve(history, 20);
        assertThat(verifyLog()).isEqualTo(Commands.VERIFIED);

        market.serve(history, 15);
        assertThat(verifyLog()).isEqualTo(Commands.FAILED);
        assertThat(err).contains("INCONSISTENT", "rolled back");

        market.serve(history.forkedAt(4), 20);
        assertThat(verifyLog()).isEqualTo(Commands.FAILED);
        assertThat(err).contains("INCONSISTENT");

        market.serve(history.forkedAt(4), 30);
        assertThat(verifyLog()).isEqualTo(Commands.FAILED);
        assertThat(err).contains("INCONSISTENT");

        market.serve(history, 30);
        assertThat(verifyLog()).isEqualTo(Commands.VERIFIED);
    }

    @Test
    void an_entry_whose_bytes_changed_after_hashing_fails() {
        market.changeEntry(3, "event 3, quietly edited");

        assertThat(verifyLog("--entry", "2")).isEqualTo(Commands.VERIFIED);
        assertThat(verifyLog("--entry", "3")).isEqualTo(Commands.FAILED);
        assertThat(err).contains("LEAF_MISMATCH", "entry 3");
        assertThat(verifyLog("--entry", "10")).isEqualTo(Commands.FAILED);
        assertThat(err).contains("not in the checkpoint's tree of 10");
    }

    @Test
    void a_replaced_log_key_or_a_missing_cosignature_fails() {
        assertThat(verifyLog()).isEqualTo(Commands.VERIFIED);
        NoteSigner witness = NoteSigner.cosignerKey("witness.example/w1", Ed25519.generate());

        assertThat(verifyLog("--witness", witness.verifierKey().toString())).isEqualTo(Commands.FAILED);
        assertThat(err).contains("BAD_SIGNATURE", "no cosignature by witness.example/w1");

        NoteSigner otherKey = NoteSigner.noteKey(ORIGIN, Ed25519.generate());
        market.serve(TestLogs.log(ORIGIN, otherKey, 40, "event "), 10);
        assertThat(verifyLog()).isEqualTo(Commands.FAILED);
        assertThat(err).contains("BAD_SIGNATURE", "not " + logKey.verifierKey());
    }

    @Test
    void a_pinned_key_is_the_only_one_taken_even_on_the_first_run() {
        NoteSigner pinned = NoteSigner.noteKey(ORIGIN, Ed25519.generate());

        assertThat(verifyLog("--key", pinned.verifierKey().toString())).isEqualTo(Commands.FAILED);
        assertThat(verifyLog("--key", logKey.verifierKey().toString())).isEqualTo(Commands.VERIFIED);
    }

    @Test
    void a_wrong_command_line_or_an_unreachable_market_is_told_apart_from_a_failed_check() {
        assertThat(run("verify-log")).isEqualTo(Commands.USAGE);
        assertThat(err).contains("missing the market URL", "usage:");
        assertThat(run("verify-log", market.url().toString(), "--entry", "-1")).isEqualTo(Commands.USAGE);
        assertThat(run("verify-log", "ftp://market.example")).isEqualTo(Commands.USAGE);
        assertThat(run("verify-log", market.url().toString(), "--key", "nonsense"))
                .isEqualTo(Commands.USAGE);
        assertThat(run("witness", "--port", "0", "--state", state.toString())).isEqualTo(Commands.USAGE);
        market.close();
        assertThat(verifyLog()).isEqualTo(Commands.UNREACHABLE);
    }

    private int verifyLog(String... more) {
        List<String> args =
                new ArrayList<>(List.of("verify-log", market.url().toString(), "--state", state.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int status = Commands.run(
                args,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        out = outBytes.toString(StandardCharsets.UTF_8);
        err = errBytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
