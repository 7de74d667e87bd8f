package org.techmarket.surveillance.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A finding raised for review: what was found (kind, score, parties, evidence, rule) and where its review stands. A
 * review moves it along {@link AlertStatus}'s table with a note saying why; the finding itself never changes.
 */
public record Alert(
        String id,
        AlertKind kind,
        String findingKey,
        double score,
        List<String> parties,
        List<String> evidence,
        String rule,
        AlertStatus status,
        Optional<String> note,
        Instant raisedAt,
        Instant updatedAt,
        Optional<String> reviewedBy,
        long version) {

    public Alert {
        parties = List.copyOf(parties);
        evidence = List.copyOf(evidence);
    }

    /** A new OPEN alert for the finding. */
    public static Alert raise(String id, Finding finding, Instant at) {
        return new Alert(
                id,
                finding.kind(),
                finding.key(),
                finding.score(),
                finding.parties(),
                finding.evidence(),
                finding.rule(),
                AlertStatus.OPEN,
                Optional.empty(),
                at,
                at,
                Optional.empty(),
                0);
    }

    /** The alert moved to {@code next} by {@code reviewer} with {@code note}; refused when the table forbids it. */
    public Alert review(AlertStatus next, String note, String reviewer, Instant at) {
        return new Alert(
                id,
                kind,
                findingKey,
                score,
                parties,
                evidence,
                rule,
                status.transitionTo(next),
                Optional.of(note),
                raisedAt,
                at,
                Optional.of(reviewer),
                version + 1);
    }
}
