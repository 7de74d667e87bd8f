package org.techmarket.verify.market;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import org.techmarket.verify.Checkpoint;
import org.techmarket.verify.Cosignatures;
import org.techmarket.verify.NotVerified;
import org.techmarket.verify.SignedNote;
import org.techmarket.verify.VerifierKey;

/**
 * The log's side of C2SP tlog-witness for one witness: sends a checkpoint with the consistency proof from the size
 * the witness last cosigned, learns that size from a 409 when its guess was wrong and tries once more, and returns only
 * cosignature lines that verify with the witness's key.
 */
final class WitnessClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI addCheckpoint;
    private final VerifierKey witness;
    private final HttpClient http;
    private volatile long knownSize;

    WitnessClient(URI witnessUrl, VerifierKey witness) {
        String base = witnessUrl.toString();
        this.addCheckpoint = URI.create((base.endsWith("/") ? base : base + "/") + "add-checkpoint");
        this.witness = witness;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    VerifierKey key() {
        return witness;
    }

    /** Whether the note already carries a valid cosignature by this witness. */
    boolean cosigned(SignedNote note) {
        try {
            Cosignatures.verify(witness, note);
            return true;
        } catch (NotVerified e) {
            return false;
        }
    }

    /** The witness's verified cosignature lines on this checkpoint; {@code proofs} gives consistency proofs. */
    List<SignedNote.Line> cosign(SignedNote note, BiFunction<Long, Long, List<byte[]>> proofs) {
        long size = Checkpoint.parse(note.text()).size();
        HttpResponse<String> response = submit(note, Math.min(knownSize, size), proofs);
        if (response.statusCode() == 409 && response.body().strip().matches("[0-9]{1,19}")) {
            knownSize = Checkpoint.size(response.body().strip());
            if (knownSize > size) {
                throw refused("the witness has cosigned a larger tree (" + knownSize + ") than the log's " + size);
            }
            response = submit(note, knownSize, proofs);
        }
        if (response.statusCode() != 200) {
            throw refused("the witness answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
        List<SignedNote.Line> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            SignedNote.Line parsed = SignedNote.Line.parse(line);
            if (parsed.claimsKey(witness)) {
                Cosignatures.verify(witness, new SignedNote(note.text(), List.of(parsed)));
                lines.add(parsed);
            }
        }
        if (lines.isEmpty()) {
            throw refused("the witness answered no cosignature by its key");
        }
        knownSize = size;
        return lines;
    }

    private HttpResponse<String> submit(SignedNote note, long oldSize, BiFunction<Long, Long, List<byte[]>> proofs) {
        long size = Checkpoint.parse(note.text()).size();
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        if (oldSize > 0 && oldSize < size) {
            proofs.apply(oldSize, size)
                    .forEach(hash -> body.append(Base64.getEncoder().encodeToString(hash))
                            .append('\n'));
        }
        body.append('\n').append(note.encoded());
        HttpRequest request = HttpRequest.newBuilder(addCheckpoint)
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NotVerified(NotVerified.Failure.UNREACHABLE, "witness " + witness.name() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotVerified(NotVerified.Failure.UNREACHABLE, "interrupted while asking " + witness.name());
        }
    }

    private NotVerified refused(String detail) {
        return new NotVerified(NotVerified.Failure.INCONSISTENT, "witness " + witness.name() + ": " + detail);
    }

    private static String abbreviated(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text.strip();
    }
}
