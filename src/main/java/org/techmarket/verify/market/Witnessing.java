package org.techmarket.verify.market;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.techmarket.audit.TransparencyLog;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Job;
import org.techmarket.verify.Checkpoint;
import org.techmarket.verify.SignedNote;
import org.techmarket.verify.VerifierKey;

/**
 * Asks each witness named in {@code techmarket.log.witnesses} to cosign the log's latest checkpoint, and stores the
 * cosignatures that verify with the witness's key on that checkpoint ({@link TransparencyLog#addCosignature}), so the
 * checkpoint endpoint serves them. A witness is due while the latest checkpoint lacks its cosignature; a refusal or an
 * unreachable witness is a failed item of the job, retried with the jobs' back-off and, after the last attempt, shown
 * to operators. The consistency proof for a witness comes from the log's Java API
 * ({@link TransparencyLog#consistencyProof}).
 */
@Service
public class Witnessing {

    private final TransparencyLog log;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Map<String, WitnessClient> witnesses;
    private final Job job;

    Witnessing(
            TransparencyLog log,
            BackgroundJobs jobs,
            Clock clock,
            @Value("${techmarket.log.witnesses:}") String witnesses) {
        this.log = log;
        this.jobs = jobs;
        this.clock = clock;
        this.witnesses = parse(witnesses);
        this.job = Job.of("log-witnessing", (asOf, limit) -> due(limit), (id, asOf) -> cosign(id));
    }

    /** Asks every due witness once; returns how many cosigned. */
    @Scheduled(fixedDelayString = "${techmarket.log.witnessing-interval:PT5S}")
    public int askWitnesses() {
        return witnesses.isEmpty() ? 0 : jobs.run(job, clock.instant());
    }

    private List<String> due(int limit) {
        SignedNote latest = SignedNote.parse(log.latestCheckpoint());
        return witnesses.entrySet().stream()
                .filter(witness -> !witness.getValue().cosigned(latest))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
    }

    private boolean cosign(String id) {
        WitnessClient witness = witnesses.get(id);
        SignedNote latest = SignedNote.parse(log.latestCheckpoint());
        if (witness == null || witness.cosigned(latest)) {
            return false;
        }
        long size = Checkpoint.parse(latest.text()).size();
        witness.cosign(latest, log::consistencyProof)
                .forEach(line -> log.addCosignature(size, line.text().strip()));
        return true;
    }

    /** {@code <witness URL> <witness vkey>} pairs separated by commas. */
    private static Map<String, WitnessClient> parse(String configured) {
        Map<String, WitnessClient> clients = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split("\\s+");
            if (parts.length != 2 || !parts[0].startsWith("http")) {
                problems.add(entry.strip());
                continue;
            }
            VerifierKey key = VerifierKey.parse(parts[1]);
            clients.put(key.name() + "+" + key.keyIdHex(), new WitnessClient(URI.create(parts[0]), key));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "techmarket.log.witnesses takes '<witness URL> <witness vkey>' pairs separated by commas: "
                            + problems);
        }
        return Map.copyOf(clients);
    }
}
