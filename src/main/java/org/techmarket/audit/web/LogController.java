package org.techmarket.audit.web;

import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.audit.AuditCodes;
import org.techmarket.audit.domain.AuditEvent;
import org.techmarket.audit.domain.LogLeaf;
import org.techmarket.audit.domain.MerkleTree;
import org.techmarket.audit.persistence.JdbcAuditLog;
import org.techmarket.audit.persistence.LogCheckpoints;
import org.techmarket.audit.persistence.LogTree;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * The market's log for anyone, without a token: signed checkpoints, the verifier key, entries with their exact leaf
 * input, and RFC 9162 inclusion and consistency proofs (ADR 0036). Operators may ask for a fresh checkpoint.
 */
@RestController
@RequestMapping("/api/v1/log")
class LogController {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final LogTree tree;
    private final LogCheckpoints checkpoints;
    private final JdbcAuditLog events;

    LogController(LogTree tree, LogCheckpoints checkpoints, JdbcAuditLog events) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.events = events;
    }

    record EntryView(long index, String leafInput, String leafHash, AuditController.EventView event) {}

    record InclusionProof(long leafIndex, long treeSize, List<String> hashes) {}

    record ConsistencyProof(long from, long to, List<String> hashes) {}

    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint() {
        return checkpoints.latestCheckpoint();
    }

    @GetMapping(value = "/checkpoints/{size}", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint(@PathVariable long size) {
        return checkpoints.signedNote(checkpoints
                .stored(size)
                .orElseThrow(() -> new Rejection(
                        Rejection.Kind.NOT_FOUND,
                        AuditCodes.LOG_CHECKPOINT_UNKNOWN,
                        "the log issued no checkpoint of size " + size)));
    }

    @PostMapping(value = "/checkpoints", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    String issueCheckpoint(@AuthenticationPrincipal Actor actor) {
        actor.requireOperator();
        return checkpoints.signedNote(checkpoints.issue());
    }

    @GetMapping(value = "/key", produces = MediaType.TEXT_PLAIN_VALUE)
    String key() {
        return checkpoints.verifierKey() + "\n";
    }

    @GetMapping("/entries/{index}")
    EntryView entry(@PathVariable long index) {
        long size = tree.size();
        if (index < 0 || index >= size) {
            throw Rejection.invalid(
                    AuditCodes.LOG_INDEX_BEYOND_TREE, "index", "the log's tree has " + size + " entries, from 0");
        }
        AuditEvent event = events.event(index + 1).orElseThrow();
        LogTree.StoredLeaf leaf = tree.leaf(index).orElseThrow();
        boolean confidential = LogLeaf.isConfidential(event.type());
        return new EntryView(
                index,
                BASE64.encodeToString(LogLeaf.input(event, leaf.salt())),
                BASE64.encodeToString(leaf.hash()),
                confidential ? null : AuditController.EventView.of(event));
    }

    @GetMapping("/proofs/inclusion")
    InclusionProof inclusion(@RequestParam long index, @RequestParam long treeSize) {
        requireWithinTree("treeSize", treeSize);
        if (index < 0 || index >= treeSize) {
            throw Rejection.invalid(
                    AuditCodes.LOG_INDEX_BEYOND_TREE,
                    "index",
                    "a tree of " + treeSize + " has leaves 0 to " + (treeSize - 1));
        }
        return new InclusionProof(index, treeSize, base64(tree.proof(MerkleTree.inclusionPath(index, treeSize))));
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        requireWithinTree("to", to);
        if (from < 1 || from > to) {
            throw Rejection.invalid(
                    AuditCodes.LOG_SIZES_REVERSED,
                    "from",
                    "a consistency proof goes from a non-empty tree to one as large");
        }
        return new ConsistencyProof(from, to, base64(tree.proof(MerkleTree.consistencyPath(from, to))));
    }

    private void requireWithinTree(String field, long size) {
        if (size < 0) {
            throw Rejection.invalid(SharedCodes.INVALID_PARAMETER, field, field + " must not be negative");
        }
        long treeSize = tree.size();
        if (size > treeSize) {
            throw Rejection.invalid(
                    AuditCodes.LOG_SIZE_BEYOND_TREE, field, "the log's tree has " + treeSize + " entries");
        }
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(BASE64::encodeToString).toList();
    }
}
