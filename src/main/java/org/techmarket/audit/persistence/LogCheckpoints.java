package org.techmarket.audit.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.techmarket.audit.AuditCodes;
import org.techmarket.audit.TransparencyLog;
import org.techmarket.audit.domain.Checkpoint;
import org.techmarket.audit.domain.LogKey;
import org.techmarket.audit.domain.MerkleTree;
import org.techmarket.shared.ReadsTogether;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.jobs.BackgroundJobs;
import org.techmarket.shared.jobs.Sweep;
import org.techmarket.shared.jobs.Sweep.Swept;

/**
 * Issues, stores and serves the log's checkpoints. In the background a new checkpoint is stored when the tree has
 * grown and the latest is at least {@code techmarket.log.min-checkpoint-gap} old (a second), whichever node finds it
 * so; an operator may ask for one at any time. A checkpoint is stored as its size and root, and signed as it is
 * served, so the note of a checkpoint is always the same, with whatever cosignatures witnesses have added.
 */
@Service
public class LogCheckpoints implements TransparencyLog {

    private static final Pattern COSIGNATURE = Pattern.compile("\u2014 (\\S+) ([A-Za-z0-9+/]+=*)\n?");

    private final JdbcClient jdbc;
    private final LogTree tree;
    private final LogKey key;
    private final String origin;
    private final Duration minimumGap;
    private final BackgroundJobs jobs;
    private final Clock clock;
    private final Sweep issuing;

    LogCheckpoints(
            JdbcClient jdbc,
            LogTree tree,
            LogKey key,
            @Value("${techmarket.log.origin:techmarket.example/log}") String origin,
            @Value("${techmarket.log.min-checkpoint-gap:PT1S}") Duration minimumGap,
            BackgroundJobs jobs,
            Clock clock) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.key = key;
        this.origin = origin;
        this.minimumGap = minimumGap;
        this.jobs = jobs;
        this.clock = clock;
        this.issuing = Sweep.of("log-checkpoints", asOf -> Swept.last(issueIfDue(asOf) ? 1 : 0));
    }

    /** A checkpoint as stored: the size and root of a tree the log had, and when it was issued. */
    public record Stored(long treeSize, byte[] root, Instant issuedAt) {}

    /** Runs on every node; stores a checkpoint when the tree has grown and the latest is old enough. */
    @Scheduled(fixedDelayString = "${techmarket.log.checkpoint-interval:PT1S}")
    public int issueInBackground() {
        return jobs.sweep(issuing, clock.instant());
    }

    /** Stores a checkpoint of the tree as it is now, unless the latest already has its size; returns it. */
    @Transactional
    public Stored issue() {
        long size = tree.size();
        Optional<Stored> latest = latestStored();
        if (latest.isPresent() && latest.get().treeSize() == size) {
            return latest.get();
        }
        jdbc.sql("insert into log_checkpoint (tree_size, root, issued_at) values (?, ?, ?) on conflict do nothing")
                .params(size, tree.root(size), Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return stored(size).orElseThrow();
    }

    private boolean issueIfDue(Instant asOf) {
        Optional<Stored> latest = latestStored();
        if (latest.isPresent()
                && (latest.get().treeSize() >= tree.size()
                        || latest.get().issuedAt().plus(minimumGap).isAfter(asOf))) {
            return false;
        }
        issue();
        return true;
    }

    public Optional<Stored> latestStored() {
        return jdbc.sql("select tree_size, root, issued_at from log_checkpoint order by tree_size desc limit 1")
                .query(LogCheckpoints::stored)
                .optional();
    }

    public Optional<Stored> stored(long treeSize) {
        return jdbc.sql("select tree_size, root, issued_at from log_checkpoint where tree_size = ?")
                .param(treeSize)
                .query(LogCheckpoints::stored)
                .optional();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant());
    }

    /** The stored checkpoint as a signed note, followed by its cosignatures in the order they came. */
    public String signedNote(Stored checkpoint) {
        List<String> cosignatures = jdbc.sql(
                        "select line from log_cosignature where tree_size = ? order by added_at, line")
                .param(checkpoint.treeSize())
                .query(String.class)
                .list();
        return new Checkpoint(origin, checkpoint.treeSize(), checkpoint.root()).signedNote(key, cosignatures);
    }

    @Override
    public String latestCheckpoint() {
        return signedNote(latestStored().orElseGet(this::issue));
    }

    @Override
    public ReadsTogether.Later<String> latestCheckpoint(ReadsTogether.Batch batch) {
        return batch.optional(
                        """
                        select tree_size, root, issued_at,
                            array(select c.line from log_cosignature c where c.tree_size = l.tree_size
                                  order by c.added_at, c.line) as cosignatures
                        from log_checkpoint l order by tree_size desc limit 1""",
                        List.of(),
                        (rs, row) -> new Checkpoint(origin, rs.getLong("tree_size"), rs.getBytes("root"))
                                .signedNote(key, List.of((String[])
                                        rs.getArray("cosignatures").getArray())))
                // a log that has issued no checkpoint yet issues its first now, as the single read does
                .map(note -> note.orElseGet(() -> signedNote(issue())));
    }

    @Override
    public List<byte[]> consistencyProof(long from, long to) {
        return tree.proof(MerkleTree.consistencyPath(from, to));
    }

    @Override
    public String verifierKey() {
        return key.verifierKey();
    }

    @Override
    @Transactional
    public void addCosignature(long treeSize, String signatureLine) {
        var line = COSIGNATURE.matcher(signatureLine);
        if (!line.matches() || !decodes(line.group(2))) {
            throw Rejection.invalid(
                    AuditCodes.LOG_COSIGNATURE_MALFORMED,
                    "signatureLine",
                    "a cosignature is one line: an em dash, a space, the witness's name, a space, base64");
        }
        if (stored(treeSize).isEmpty()) {
            throw new Rejection(
                    Rejection.Kind.NOT_FOUND,
                    AuditCodes.LOG_CHECKPOINT_UNKNOWN,
                    "the log issued no checkpoint of size " + treeSize);
        }
        jdbc.sql("insert into log_cosignature (tree_size, line, added_at) values (?, ?, ?) on conflict do nothing")
                .params(treeSize, line.group(0).strip() + "\n", Timestamp.from(clock.instant()))
                .update();
    }

    private static boolean decodes(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length > 4;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
