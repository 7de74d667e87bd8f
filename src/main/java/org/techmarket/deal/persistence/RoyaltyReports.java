package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.RoyaltyPeriod;
import org.techmarket.shared.Money;

/** The deal_royalty_report table: at most one report per deal and period. */
@Repository
public class RoyaltyReports {

    /** A licensee's report of one period's revenue and the royalty it paid for it. */
    public record Report(
            String dealId,
            RoyaltyPeriod period,
            Money revenue,
            Money royalty,
            Optional<String> transferId,
            String reportedBy,
            Instant reportedAt) {}

    private final JdbcClient jdbc;

    RoyaltyReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the report; false when the period was reported before. */
    public boolean add(Report r) {
        return jdbc.sql("insert into deal_royalty_report (deal_id, period_index, period_start, period_end,"
                                + " revenue_fen, royalty_fen, currency, transfer_id, reported_by, reported_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                r.dealId(),
                                r.period().number(),
                                r.period().firstDay(),
                                r.period().lastDay(),
                                r.revenue().minor(),
                                r.royalty().minor(),
                                r.revenue().currency(),
                                r.transferId().orElse(null),
                                r.reportedBy(),
                                Timestamp.from(r.reportedAt()))
                        .update()
                == 1;
    }

    public boolean exists(String dealId, int period) {
        return jdbc.sql("select count(*) from deal_royalty_report where deal_id = ? and period_index = ?")
                        .params(dealId, period)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<Report> of(String dealId) {
        return jdbc.sql("select * from deal_royalty_report where deal_id = ? order by period_index")
                .param(dealId)
                .query(RoyaltyReports::map)
                .list();
    }

    private static Report map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new Report(
                rs.getString("deal_id"),
                new RoyaltyPeriod(
                        rs.getInt("period_index"),
                        rs.getObject("period_start", java.time.LocalDate.class),
                        rs.getObject("period_end", java.time.LocalDate.class)),
                new Money(rs.getLong("revenue_fen"), currency),
                new Money(rs.getLong("royalty_fen"), currency),
                Optional.ofNullable(rs.getString("transfer_id")),
                rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant());
    }
}
