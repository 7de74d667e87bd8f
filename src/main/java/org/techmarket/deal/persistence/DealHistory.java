package org.techmarket.deal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
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
}
