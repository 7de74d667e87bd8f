package org.techmarket.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed notes, verifier keys, checkpoints and cosignatures read and checked as the C2SP specifications write them,
 * against notes signed by other implementations: the example of the Go signed-note package (golang.org/x/mod
 * sumdb/note) and a checkpoint published by the transparency.dev staging log with a real witness's cosignature.
 */
class SignedNoteTest {

    // The example key and note of golang.org/x/mod/sumdb/note (its package documentation).
    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_NOTE = PETER_TEXT
            + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    // A checkpoint of the log arche2025h1.staging.ct.transparency.dev as it published it, with its own Ed25519 note
    // signature (key ID ba2f06c0), an RFC 6962 tree head signature and four witnesses' cosignature/v1 lines, one of
    // them by remora.n621.de; both verifier keys are the ones the log and the witness publish.
    static final String CT_LOG_KEY =
            "arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f";
    static final String REMORA_KEY = "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";
    static final String CT_CHECKPOINT = "arche2025h1.staging.ct.transparency.dev\n"
            + "1432088532\n"
            + "U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n"
            + "\n"
            + "— arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=\n"
            + "— arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=\n"
            + "— transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==\n"
            + "— witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==\n"
            + "— remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==\n"
            + "— witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==\n";

    @Test
    void a_note_signed_by_the_go_implementation_verifies_with_its_key() {
        VerifierKey key = VerifierKey.parse(PETER_KEY);

        assertThat(key.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(key.toString()).isEqualTo(PETER_KEY);
        assertThat(SignedNote.parse(PETER_NOTE).verifiedBy(key)).isEqualTo(PETER_TEXT);
    }

    @Test
    void a_changed_text_or_an_unknown_key_verifies_nothing() {
        VerifierKey key = VerifierKey.parse(PETER_KEY);
        SignedNote changed = SignedNote.parse(PETER_NOTE.replace("cryptography", "cryptographi"));
        VerifierKey other =
                NoteSigner.noteKey("PeterNeumann", Ed25519.generate()).verifierKey();

        assertFails(() -> changed.verifiedBy(key), NotVerified.Failure.BAD_SIGNATURE);
        assertFails(() -> SignedNote.parse(PETER_NOTE).verifiedBy(other), NotVerified.Failure.BAD_SIGNATURE);
    }

    @Test
    void a_published_checkpoint_verifies_with_the_logs_key_and_the_witness_cosignature() {
        SignedNote note = SignedNote.parse(CT_CHECKPOINT);
        Checkpoint checkpoint = Checkpoint.parse(note.verifiedBy(VerifierKey.parse(CT_LOG_KEY)));

        assertThat(checkpoint.origin()).isEqualTo("arche2025h1.staging.ct.transparency.dev");
        assertThat(checkpoint.size()).isEqualTo(1_432_088_532L);
        assertThat(checkpoint.body()).isEqualTo(note.text());
        assertThat(Cosignatures.verify(VerifierKey.parse(REMORA_KEY), note)).isEqualTo(0x6a122120L);
    }

    @Test
    void a_checkpoint_with_another_size_loses_both_signatures() {
        SignedNote forged = SignedNote.parse(CT_CHECKPOINT.replace("1432088532", "1432088533"));

        assertFails(() -> forged.verifiedBy(VerifierKey.parse(CT_LOG_KEY)), NotVerified.Failure.BAD_SIGNATURE);
        assertFails(
                () -> Cosignatures.verify(VerifierKey.parse(REMORA_KEY), forged), NotVerified.Failure.BAD_SIGNATURE);
    }

    @Test
    void our_signatures_and_cosignatures_verify_and_bind_the_text_and_time() {
        NoteSigner log = NoteSigner.noteKey("market.example/log", Ed25519.generate());
        NoteSigner witness = NoteSigner.cosignerKey("witness.example/w1", Ed25519.generate());
        String body = new Checkpoint("market.example/log", 7, new byte[32], java.util.List.of("ext")).body();

        SignedNote note = log.signedNote(body);
        SignedNote cosigned = note.with(java.util.List.of(witness.cosign(body, 1_700_000_000L)));
        SignedNote reread = SignedNote.parse(cosigned.encoded());

        assertThat(reread.verifiedBy(log.verifierKey())).isEqualTo(body);
        assertThat(Cosignatures.verify(witness.verifierKey(), reread)).isEqualTo(1_700_000_000L);
        assertThat(witness.verifierKey().toString()).startsWith("witness.example/w1+");
        assertThat(Base64.getDecoder().decode(witness.verifierKey().toString().split("\\+", 3)[2])[0])
                .isEqualTo(VerifierKey.COSIGNATURE_ED25519);
        SignedNote otherTime = SignedNote.parse(cosigned.encoded()
                .replace(
                        cosigned.signatures().get(1).text(),
                        retimed(cosigned.signatures().get(1), 1_700_000_001L).text()));
        assertFails(() -> Cosignatures.verify(witness.verifierKey(), otherTime), NotVerified.Failure.BAD_SIGNATURE);
        assertFails(() -> Cosignatures.verify(witness.verifierKey(), note), NotVerified.Failure.BAD_SIGNATURE);
    }

    @Test
    void a_cosignature_key_is_told_from_a_note_key_of_the_same_name_and_bytes() {
        var keys = Ed25519.generate();
        NoteSigner asLog = NoteSigner.noteKey("w", keys);
        NoteSigner asWitness = NoteSigner.cosignerKey("w", keys);

        assertThat(asLog.verifierKey().keyId())
                .isNotEqualTo(asWitness.verifierKey().keyId());
        SignedNote onlyCosigned = new SignedNote("a\n", java.util.List.of(asWitness.cosign("a\n", 1)));
        assertFails(() -> onlyCosigned.verifiedBy(asLog.verifierKey()), NotVerified.Failure.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a3",
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
                "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "PeterNeumann+c74f20a3+AhpZNkHFDw4TEHoMMW8\u00e4SqogX7FZJqqvywxOIs1stdE1g==",
            })
    void malformed_or_mismatched_verifier_keys_are_refused(String vkey) {
        assertFails(() -> VerifierKey.parse(vkey), NotVerified.Failure.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "no blank line\n— PeterNeumann x08go/ZJ=\n",
                "text\n\n",
                "text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                "text\r\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                "text\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                "text\n\n— PeterNeumann not*base64\n",
            })
    void malformed_notes_are_refused(String note) {
        assertFails(() -> SignedNote.parse(note), NotVerified.Failure.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "origin\n07\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n",
                "origin\n-1\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n",
                "origin\n99999999999999999999\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n",
                "origin\n7\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro\n",
                "origin\n7\nAAAA\n",
                "\n7\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n",
                "origin\n7\n",
                "origin\n7\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\n\n",
                "origin\n7\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=",
            })
    void malformed_checkpoints_are_refused(String body) {
        assertFails(() -> Checkpoint.parse(body), NotVerified.Failure.MALFORMED);
    }

    @Test
    void a_checkpoint_keeps_its_extension_lines_in_its_body() {
        String body = "origin\n7\nU7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=\nfirst\nsecond\n";

        Checkpoint checkpoint = Checkpoint.parse(body);

        assertThat(checkpoint.extensions()).containsExactly("first", "second");
        assertThat(checkpoint.body()).isEqualTo(body);
    }

    private static SignedNote.Line retimed(SignedNote.Line line, long timestamp) {
        byte[] bytes = line.signature();
        java.nio.ByteBuffer.wrap(bytes).putLong(timestamp);
        return new SignedNote.Line(line.keyName(), line.keyId(), bytes);
    }

    static void assertFails(Runnable check, NotVerified.Failure failure) {
        assertThatThrownBy(check::run)
                .isInstanceOf(NotVerified.class)
                .extracting(e -> ((NotVerified) e).failure())
                .isEqualTo(failure);
    }
}
