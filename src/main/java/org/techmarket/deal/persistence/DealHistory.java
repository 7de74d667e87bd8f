package org.techmarket.deal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.audit.AuditLog;
import org.techmarket.deal.domain.DealStatus;

/** The deal_history table: each status a deal reached, the event that moved it, by whom and when. */
@Repository
public class DealHistory {

    /** One step of a deal's history. */
    public record Step(DealStatus status, String event, String actor, Instant at) {}

    private final JdbcClient jdbc;

    DealHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String dealId, Step step) {
        jdbc.sql("insert into deal_history (deal_id, status, event, actor, at) values (?, ?, ?, ?, ?)")
                .params(dealId, step.status().name(), step.event(), step.actor(), Timestamp.from(step.at()))
                .update();
    }

    /** Appends the steps in their order with one statement: their ids, which the history is read by, follow it. */
    public void appendAll(String dealId, List<Step> steps) {
        if (steps.size() == 1) {
            append(dealId, steps.get(0));
            return;
        }
        jdbc.sql("insert into deal_history (deal_id, status, event, actor, at)" + STEPS)
                .params(steps(dealId, steps))
                .update();
    }

    /**
     * As {@link #appendAll(String, List)}, and the same statement appends the audit events {@code events} names (the
     * steps' own and what the transaction held back before them) through the audit log's {@code audit_append_all}: a
     * step's history and its record in the log are one round trip.
     */
    public void appendAll(String dealId, List<Step> steps, Optional<AuditLog.Appending> events) {
        if (events.isEmpty()) {
            appendAll(dealId, steps);
            return;
        }
        AuditLog.Appending e = events.get();
        List<Object> params = new ArrayList<>(
                List.of(Timestamp.from(e.occurredAt()), e.actors(), e.types(), e.subjects(), e.payloads()));
        params.addAll(steps(dealId, steps));
        jdbc.sql("with appended as materialized (select audit_append_all(?, ?::text[], ?::text[], ?::text[],"
                        + " ?::text[])) insert into deal_history (deal_id, status, event, actor, at)"
                        + STEPS.replace(" from unnest(", " from appended, unnest("))
                .params(params)
                .update();
    }

    /** The steps of {@link #appendAll}'s insert, read from its parameters in their order. */
    private static final String STEPS = " select ?, s.status, s.event, s.actor, s.at::timestamptz"
            + " from unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as s(status, event, actor, at, n)"
            + " order by s.n";

    private static List<Object> steps(String dealId, List<Step> steps) {
        return List.of(
                dealId,
                steps.stream().map(s -> s.status().name()).toArray(String[]::new),
                steps.stream().map(Step::event).toArray(String[]::new),
                steps.stream().map(Step::actor).toArray(String[]::new),
                // instants as ISO-8601 text, which the database reads exactly, to the microsecond
                steps.stream().map(s -> s.at().toString()).toArray(String[]::new));
    }
}
