package org.techmarket.deal.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.PaymentSchedule;

/** The deal_instalment table: a deal's instalments, written once when it opens, and when each was paid. */
@Repository
public class DealInstalments {

    private final JdbcClient jdbc;

    DealInstalments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String dealId, PaymentSchedule.Instalments schedule) {
        List<PaymentSchedule.Instalment> parts = schedule.instalments();
        for (int i = 0; i < parts.size(); i++) {
            jdbc.sql("insert into deal_instalment (deal_id, number, amount_minor, currency, due_date)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(
                            dealId,
                            i + 1,
                            parts.get(i).amount().minor(),
                            parts.get(i).amount().currency(),
                            parts.get(i).dueDate())
                    .update();
        }
    }

    /** Marks the instalment paid; false when it already was, so that it is never paid twice. */
    public boolean markPaid(String dealId, int number, Instant at, String by) {
        return jdbc.sql("update deal_instalment set paid_at = ?, paid_by = ? where deal_id = ? and number = ?"
                                + " and paid_at is null")
                        .params(Timestamp.from(at), by, dealId, number)
                        .update()
                == 1;
    }
}
