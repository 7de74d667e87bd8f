package org.techmarket.asset.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.techmarket.asset.AssetCodes;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;

/**
 * A claim by an organization that an asset registered by others is its own. It names the owners of record when
 * filed (the respondents), states the claim and cites evidence by SHA-256; it is OPEN — the asset cannot be listed,
 * licensed or assigned — until an operator decides it once, with a reason: UPHELD makes the claimant the owner of
 * record, DISMISSED leaves the registration as it was.
 */
public record OwnershipDispute(
        String id,
        String assetId,
        String claimantId,
        List<String> respondents,
        String statement,
        List<String> evidence,
        OwnershipDisputeStatus status,
        Optional<String> reason,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt,
        Instant createdAt) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_TEXT = 4000;
    private static final int MAX_EVIDENCE = 50;

    public OwnershipDispute {
        respondents = List.copyOf(respondents);
        evidence = List.copyOf(evidence);
    }

    /** A new OPEN dispute, or a refusal naming the field that is wrong. */
    public static OwnershipDispute open(
            String id,
            String assetId,
            String claimantId,
            List<String> respondents,
            String statement,
            List<String> evidence,
            Instant at) {
        if (statement == null || statement.isBlank() || statement.length() > MAX_TEXT) {
            throw Rejection.invalid(
                    AssetCodes.INVALID_STATEMENT,
                    "statement",
                    "a statement of the claim of 1 to " + MAX_TEXT + " characters is required");
        }
        if (evidence == null || evidence.isEmpty() || evidence.size() > MAX_EVIDENCE) {
            throw Rejection.invalid(
                    AssetCodes.EVIDENCE_REQUIRED,
                    "evidence",
                    "cite 1 to " + MAX_EVIDENCE + " evidence documents by their SHA-256");
        }
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i) == null || !SHA256.matcher(evidence.get(i)).matches()) {
                throw Rejection.invalid(
                        SharedCodes.INVALID_EVIDENCE_HASH,
                        "evidence[" + i + "]",
                        "a SHA-256 as 64 lower-case hexadecimal characters");
            }
        }
        return new OwnershipDispute(
                id,
                assetId,
                claimantId,
                respondents,
                statement.strip(),
                evidence,
                OwnershipDisputeStatus.OPEN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                at);
    }

    /** The dispute decided by {@code operator} with {@code outcome} (UPHELD or DISMISSED) and a reason. */
    public OwnershipDispute decide(OwnershipDisputeStatus outcome, String decisionReason, String operator, Instant at) {
        if (outcome == null || outcome == OwnershipDisputeStatus.OPEN) {
            throw Rejection.invalid(AssetCodes.INVALID_OUTCOME, "outcome", "the outcome is UPHELD or DISMISSED");
        }
        if (decisionReason == null || decisionReason.isBlank() || decisionReason.length() > MAX_TEXT) {
            throw Rejection.invalid(
                    SharedCodes.INVALID_REASON, "reason", "a reason of 1 to " + MAX_TEXT + " characters is required");
        }
        return new OwnershipDispute(
                id,
                assetId,
                claimantId,
                respondents,
                statement,
                evidence,
                status.transitionTo(outcome),
                Optional.of(decisionReason.strip()),
                Optional.of(operator),
                Optional.of(at),
                createdAt);
    }

    /** Whether {@code organizationId} is the claimant or one of the owners it contested. */
    public boolean isParty(String organizationId) {
        return claimantId.equals(organizationId) || respondents.contains(organizationId);
    }
}
