package org.techmarket.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.audit.domain.LogKey;
import org.techmarket.audit.domain.Rfc9162Verifier;
import org.techmarket.audit.persistence.AuditSealer;
import org.techmarket.audit.persistence.LogTree;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * The market's log as an outsider sees it, with no token: a signed checkpoint, the key to check it, every event a
 * leaf whose inclusion and whose log's growth are proven by RFC 9162 proofs, checked here by a verifier of our own.
 */
class LogIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditLog auditLog;

    @Autowired
    TransparencyLog log;

    @Autowired
    LogTree tree;

    @Test
    void anEventIsALeafWhoseInclusionInTheSignedCheckpointIsProven() {
        String subject = record("LogEntryTested", Map.of("note", "in the tree"));
        sealer.sealCommitted();
        long index = leafIndexOf(subject);

        Note note = checkpoint(api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0]));
        assertThat(note.size()).isGreaterThan(index);

        JsonNode entry = api.get("/api/v1/log/entries/" + index, null).json();
        byte[] leafInput = Base64.getDecoder().decode(entry.path("leafInput").asString());
        byte[] leafHash = Base64.getDecoder().decode(entry.path("leafHash").asString());
        assertThat(leafHash).isEqualTo(sha256((byte) 0, leafInput));
        JsonNode canonical = Api.JSON.readTree(new String(leafInput, StandardCharsets.UTF_8));
        assertThat(canonical.path("sequence").asLong()).isEqualTo(index + 1);
        assertThat(canonical.path("subject").asString()).isEqualTo(subject);
        assertThat(canonical.path("payload").asString()).isEqualTo("{\"note\":\"in the tree\"}");
        assertThat(entry.path("event").path("type").asString()).isEqualTo("LogEntryTested");
        assertThat(entry.path("event").path("payload").path("note").asString()).isEqualTo("in the tree");

        Api.Response proof = api.get("/api/v1/log/proofs/inclusion?index=" + index + "&treeSize=" + note.size(), null);
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.json().path("leafIndex").asLong()).isEqualTo(index);
        assertThat(proof.json().path("treeSize").asLong()).isEqualTo(note.size());
        assertThat(Rfc9162Verifier.verifiesInclusion(index, note.size(), leafHash, hashes(proof.json()), note.root()))
                .isTrue();
        assertThat(Rfc9162Verifier.verifiesInclusion(
                        index, note.size(), sha256((byte) 0, "forged".getBytes()), hashes(proof.json()), note.root()))
                .isFalse();
    }

    @Test
    void aLaterCheckpointIsProvenConsistentWithAnEarlierOne() {
        record("LogGrowthTested", Map.of());
        sealer.sealCommitted();
        Note first = checkpoint(api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0]));
        record("LogGrowthTested", Map.of());
        record("LogGrowthTested", Map.of());
        sealer.sealCommitted();
        Note second = checkpoint(api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0]));
        assertThat(second.size()).isGreaterThanOrEqualTo(first.size() + 2);

        Api.Response proof =
                api.get("/api/v1/log/proofs/consistency?from=" + first.size() + "&to=" + second.size(), null);
        assertThat(proof.json().path("from").asLong()).isEqualTo(first.size());
        assertThat(proof.json().path("to").asLong()).isEqualTo(second.size());
        assertThat(Rfc9162Verifier.verifiesConsistency(
                        first.size(), second.size(), first.root(), second.root(), hashes(proof.json())))
                .isTrue();
        assertThat(Rfc9162Verifier.verifiesConsistency(
                        first.size(), second.size(), second.root(), second.root(), hashes(proof.json())))
                .as("a forked earlier root")
                .isFalse();
        assertThat(checkpoint(api.get("/api/v1/log/checkpoints/" + first.size(), null))
                        .text())
                .as("a stored checkpoint reads the same later")
                .isEqualTo(first.text());
    }

    @Test
    void aConfidentialEventIsInTheTreeAsASaltedCommitmentOnly() throws Exception {
        String subject = record("OfferMade", Map.of("price", "secret terms"));
        sealer.sealCommitted();
        long index = leafIndexOf(subject);

        JsonNode entry = api.get("/api/v1/log/entries/" + index, null).json();
        assertThat(entry.path("event").isNull()).isTrue();
        String leafInput =
                new String(Base64.getDecoder().decode(entry.path("leafInput").asString()), StandardCharsets.UTF_8);
        assertThat(leafInput).startsWith("{\"commitment\":\"").doesNotContain("secret");

        // Whoever may read the event and is given its salt checks the commitment.
        byte[] salt = jdbc.sql("select salt from log_leaf_salt where leaf_index = ?")
                .param(index)
                .query(byte[].class)
                .single();
        JsonNode event = api.get("/api/v1/audit/events?after=" + index + "&limit=1", ADMIN_TOKEN)
                .json()
                .path("items")
                .get(0);
        String canonical = "{\"actor\":\"" + subject + "\",\"occurredAt\":\""
                + event.path("occurredAt").asString()
                + "\",\"payload\":\"{\\\"price\\\":\\\"secret terms\\\"}\",\"sequence\":" + (index + 1)
                + ",\"subject\":\"" + subject + "\",\"type\":\"OfferMade\"}";
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        String commitment =
                Base64.getEncoder().encodeToString(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(leafInput).isEqualTo("{\"commitment\":\"" + commitment + "\"}");
    }

    @Test
    void badRequestsForEntriesAndProofsAreRefusedWithTheirCodes() {
        record("LogBoundsTested", Map.of());
        sealer.sealCommitted();
        long size =
                jdbc.sql("select tree_size from audit_head").query(Long.class).single();

        assertRefused(api.get("/api/v1/log/entries/" + size, null), "LOG_INDEX_BEYOND_TREE");
        assertRefused(api.get("/api/v1/log/entries/-1", null), "LOG_INDEX_BEYOND_TREE");
        assertRefused(api.get("/api/v1/log/entries/first", null), "INVALID_PARAMETER");
        assertRefused(api.get("/api/v1/log/proofs/inclusion?index=3&treeSize=3", null), "LOG_INDEX_BEYOND_TREE");
        assertRefused(
                api.get("/api/v1/log/proofs/inclusion?index=0&treeSize=" + (size + 1_000_000), null),
                "LOG_SIZE_BEYOND_TREE");
        assertRefused(api.get("/api/v1/log/proofs/inclusion?index=0&treeSize=-2", null), "INVALID_PARAMETER");
        assertRefused(api.get("/api/v1/log/proofs/inclusion?index=x&treeSize=2", null), "INVALID_PARAMETER");
        assertRefused(api.get("/api/v1/log/proofs/inclusion?treeSize=2", null), "MISSING_PARAMETER");
        assertRefused(api.get("/api/v1/log/proofs/consistency?from=3&to=2", null), "LOG_SIZES_REVERSED");
        assertRefused(api.get("/api/v1/log/proofs/consistency?from=0&to=2", null), "LOG_SIZES_REVERSED");
        assertRefused(
                api.get("/api/v1/log/proofs/consistency?from=1&to=" + (size + 1_000_000), null),
                "LOG_SIZE_BEYOND_TREE");
        assertRefused(
                api.get("/api/v1/log/proofs/consistency?from=1&to=99999999999999999999", null), "INVALID_PARAMETER");
        Api.Response unknown = api.get("/api/v1/log/checkpoints/" + (size + 1_000_000), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("LOG_CHECKPOINT_UNKNOWN");

        assertThat(api.send("POST", "/api/v1/log/checkpoints", null, null, new byte[0])
                        .status())
                .as("only operators ask for a checkpoint")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/log/proofs/consistency?from=" + size + "&to=" + size, null)
                        .json()
                        .path("hashes")
                        .size())
                .isZero();
    }

    @Test
    void witnessesCosignaturesAreServedWithTheirCheckpoint() {
        record("LogCosignatureTested", Map.of());
        sealer.sealCommitted();
        Note note = checkpoint(api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0]));
        String witness = "witness.example/" + Fixtures.unique("w");
        byte[] signature = new byte[76];
        Arrays.fill(signature, (byte) 7);
        String line = "\u2014 " + witness + " " + Base64.getEncoder().encodeToString(signature);

        log.addCosignature(note.size(), line);
        log.addCosignature(note.size(), line + "\n");

        String served = api.get("/api/v1/log/checkpoints/" + note.size(), null).text();
        assertThat(served).startsWith(note.text() + "\n\u2014 ").endsWith(line + "\n");
        assertThat(served.lines().filter(l -> l.contains(witness))).hasSize(1);
        assertThat(checkpoint(api.get("/api/v1/log/checkpoints/" + note.size(), null))
                        .size())
                .isEqualTo(note.size());

        assertThat(catchThrowable(() -> log.addCosignature(note.size(), "- " + witness + " AAAA")))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("LOG_COSIGNATURE_MALFORMED"));
        assertThat(catchThrowable(() -> log.addCosignature(note.size(), "\u2014 " + witness + " not base64!")))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("LOG_COSIGNATURE_MALFORMED"));
        assertThat(catchThrowable(() -> log.addCosignature(Long.MAX_VALUE, line)))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("LOG_CHECKPOINT_UNKNOWN"));
    }

    @Test
    void concurrentAppendsAndSealersGrowOneGapFreeTreeThatMatchesTheEvents() throws Exception {
        sealer.sealCommitted();
        Note before = checkpoint(api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0]));
        int writers = 6;
        int eventsEach = 30;
        String run = Fixtures.unique("tree-race");
        Race.race(writers + 2, worker -> () -> {
            for (int i = 0; i < eventsEach; i++) {
                if (worker < writers) {
                    int n = i;
                    transactions.executeWithoutResult(status -> auditLog.record(
                            "test:" + run,
                            n % 5 == 0 ? "OfferMade" : "TreeRaceTested",
                            run + ":" + worker,
                            Map.of("n", n)));
                } else if (worker % 2 == 0) {
                    sealer.sealInBackground();
                } else {
                    sealer.sealCommitted();
                }
            }
            return null;
        });
        sealer.sealCommitted();
        Note after = checkpoint(api.send("POST", "/api/v1/log/checkpoints", ADMIN_TOKEN, null, new byte[0]));

        long sequence =
                jdbc.sql("select sequence from audit_head").query(Long.class).single();
        assertThat(after.size()).as("every sealed event is a leaf").isEqualTo(sequence);
        assertThat(jdbc.sql("select count(*) from log_node where level = 0")
                        .query(Long.class)
                        .single())
                .as("one leaf per event, no gaps")
                .isEqualTo(sequence);
        assertThat(jdbc.sql("select count(*) from audit_event where subject like ? and sequence is null")
                        .param(run + ":%")
                        .query(Long.class)
                        .single())
                .isZero();

        // The root recomputed from every event's leaf input, read back entry by entry for the race's own events.
        List<byte[]> leafHashes = jdbc.sql("select hash from log_node where level = 0 order by node_index")
                .query(byte[].class)
                .list();
        assertThat(Rfc9162Verifier.rootOf(leafHashes)).isEqualTo(after.root());
        List<Long> raced = jdbc.sql("select sequence - 1 from audit_event where subject like ? order by sequence")
                .param(run + ":%")
                .query(Long.class)
                .list();
        assertThat(raced).hasSize(writers * eventsEach);
        for (long index : List.of(raced.get(0), raced.get(raced.size() / 2), raced.get(raced.size() - 1))) {
            JsonNode entry = api.get("/api/v1/log/entries/" + index, null).json();
            byte[] leafInput =
                    Base64.getDecoder().decode(entry.path("leafInput").asString());
            assertThat(sha256((byte) 0, leafInput)).isEqualTo(leafHashes.get((int) index));
        }

        Api.Response proof =
                api.get("/api/v1/log/proofs/consistency?from=" + before.size() + "&to=" + after.size(), null);
        assertThat(Rfc9162Verifier.verifiesConsistency(
                        before.size(), after.size(), before.root(), after.root(), hashes(proof.json())))
                .isTrue();
    }

    @Test
    void eventsSealedBeforeTheTreeExistedBecomeItsLeavesInSequenceOrder() {
        List<String> subjects = List.of(
                record("LogCatchUpTested", Map.of("n", 1)),
                record("LogCatchUpTested", Map.of("n", 2)),
                record("LogCatchUpTested", Map.of("n", 3)));
        sealer.sealCommitted();
        List<byte[]> leavesBefore = subjects.stream().map(this::leafHashOf).toList();

        transactions.executeWithoutResult(status -> {
            // As the migration left an existing log: its last events sealed into the chain, but not leaves yet.
            long firstMissing = leafIndexOf(subjects.get(0));
            jdbc.sql("alter table log_node disable trigger log_node_append_only")
                    .update();
            jdbc.sql("alter table log_leaf_salt disable trigger log_leaf_salt_append_only")
                    .update();
            jdbc.sql("delete from log_node where (node_index + 1) << level > ?")
                    .param(firstMissing)
                    .update();
            jdbc.sql("delete from log_leaf_salt where leaf_index >= ?")
                    .param(firstMissing)
                    .update();
            jdbc.sql("update audit_head set tree_size = ?").param(firstMissing).update();

            sealer.sealCommitted();

            long sequence = jdbc.sql("select sequence from audit_head")
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("select tree_size from audit_head")
                            .query(Long.class)
                            .single())
                    .isEqualTo(sequence);
            assertThat(subjects.stream().map(this::leafHashOf).toList())
                    .as("the same leaves, at the same places")
                    .usingElementComparator(Arrays::compare)
                    .containsExactlyElementsOf(leavesBefore);
            List<byte[]> leafHashes = jdbc.sql("select hash from log_node where level = 0 order by node_index")
                    .query(byte[].class)
                    .list();
            assertThat(leafHashes).hasSize((int) sequence);
            assertThat(tree.root(sequence))
                    .as("the tree's nodes agree with its leaves")
                    .isEqualTo(Rfc9162Verifier.rootOf(leafHashes));
            status.setRollbackOnly();
        });
    }

    private byte[] leafHashOf(String subject) {
        return jdbc.sql("select hash from log_node where level = 0 and node_index = ?")
                .param(leafIndexOf(subject))
                .query(byte[].class)
                .single();
    }

    /** A checkpoint note checked as a verifier would: its form, and its signature under the served key. */
    private Note checkpoint(Api.Response response) {
        assertThat(response.status()).isIn(200, 201);
        assertThat(response.contentType()).startsWith("text/plain");
        String key = api.get("/api/v1/log/key", null).text().strip();
        String[] vkey = key.split("\\+", 3);
        assertThat(vkey).hasSize(3);
        byte[] typed = Base64.getDecoder().decode(vkey[2]);
        assertThat(typed[0]).as("Ed25519").isEqualTo((byte) 1);
        byte[] publicKey = Arrays.copyOfRange(typed, 1, typed.length);
        byte[] keyId = Arrays.copyOf(
                sha256(concat(vkey[0].getBytes(StandardCharsets.UTF_8), new byte[] {0x0A, 0x01}), publicKey), 4);
        assertThat(HexFormat.of().formatHex(keyId)).isEqualTo(vkey[1]);

        String note = response.text();
        int blank = note.indexOf("\n\n");
        String text = note.substring(0, blank + 1);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(vkey[0]);
        String signatureLine = note.substring(blank + 2).lines().findFirst().orElseThrow();
        assertThat(signatureLine).startsWith("\u2014 " + vkey[0] + " ");
        byte[] signature = Base64.getDecoder().decode(signatureLine.substring(signatureLine.lastIndexOf(' ') + 1));
        assertThat(Arrays.copyOf(signature, 4)).isEqualTo(keyId);
        assertThat(LogKey.verify(
                        publicKey,
                        text.getBytes(StandardCharsets.UTF_8),
                        Arrays.copyOfRange(signature, 4, signature.length)))
                .as("signed by the log key")
                .isTrue();
        return new Note(text, Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    private record Note(String text, long size, byte[] root) {}

    private String record(String type, Map<String, ?> payload) {
        String subject = "test:" + Fixtures.unique("log");
        transactions.executeWithoutResult(status -> auditLog.record(subject, type, subject, payload));
        return subject;
    }

    private long leafIndexOf(String subject) {
        return jdbc.sql("select sequence - 1 from audit_event where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private static void assertRefused(Api.Response response, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    private static byte[] sha256(byte prefix, byte[] bytes) {
        return sha256(new byte[] {prefix}, bytes);
    }

    private static byte[] sha256(byte[] first, byte[] second) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(first);
            return digest.digest(second);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
