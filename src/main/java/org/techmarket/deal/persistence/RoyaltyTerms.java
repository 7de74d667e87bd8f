package org.techmarket.deal.persistence;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.PaymentSchedule.RunningRoyalty;
import org.techmarket.deal.domain.ReportingPeriod;
import org.techmarket.shared.Money;

/** The deal_royalty_terms table: the running royalty of a deal paid that way, written once when it opens. */
@Repository
public class RoyaltyTerms {

    private final JdbcClient jdbc;

    RoyaltyTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String dealId, RunningRoyalty terms) {
        jdbc.sql("insert into deal_royalty_terms (deal_id, rate_basis_points, minimum_per_period, currency,"
                        + " reporting_period, report_within_days) values (?, ?, ?, ?, ?, ?)")
                .params(
                        dealId,
                        terms.rateBasisPoints(),
                        terms.minimumPerPeriod().minor(),
                        terms.minimumPerPeriod().currency(),
                        terms.period().name(),
                        terms.reportWithinDays())
                .update();
    }

    public Optional<RunningRoyalty> of(String dealId) {
        return jdbc.sql("select * from deal_royalty_terms where deal_id = ?")
                .param(dealId)
                .query((rs, row) -> new RunningRoyalty(
                        rs.getInt("rate_basis_points"),
                        new Money(rs.getLong("minimum_per_period"), rs.getString("currency")),
                        ReportingPeriod.valueOf(rs.getString("reporting_period")),
                        rs.getInt("report_within_days")))
                .optional();
    }
}
