package org.techmarket.deal.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.BrokerCommission;
import org.techmarket.deal.domain.BuyersCommission;
import org.techmarket.deal.domain.InstalmentPlan;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.deal.domain.PaymentSchedule.RunningRoyalty;
import org.techmarket.deal.domain.ReportingPeriod;
import org.techmarket.deal.persistence.DealBrokers.BuyersBroker;
import org.techmarket.deal.persistence.DealBrokers.Named;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/**
 * What a deal's contract says about its money besides the price, read in one statement: its running royalty or its
 * instalments with which are paid (tables deal_royalty_terms and deal_instalment), and the brokers it names with their
 * commissions (deal_broker). A settlement step reads them once and passes them on.
 */
@Repository
public class DealPaymentTerms {

    /** One deal's terms as they stand in this transaction. */
    public record Terms(
            Optional<RunningRoyalty> royalty,
            Optional<InstalmentPlan> instalments,
            Optional<BuyersBroker> buyersBroker,
            Optional<Named> sellerBroker) {

        /** The running royalty or the instalments, when the contract is not paid in one sum. */
        public Optional<PaymentSchedule> schedule() {
            return royalty.<PaymentSchedule>map(r -> r).or(() -> instalments.map(InstalmentPlan::schedule));
        }

        /** The terms once funding has paid the first instalment at {@code at} (a deal in instalments only). */
        public Terms withFirstInstalmentPaid(Instant at) {
            return new Terms(royalty, instalments.map(plan -> plan.withPaid(1, at)), buyersBroker, sellerBroker);
        }

        /** The commission the contract states for the buyer's broker, held in escrow once funded; or none. */
        public BuyersCommission buyersCommission() {
            return buyersBroker.map(BuyersBroker::commission).orElse(BuyersCommission.NONE);
        }
    }

    private final JdbcClient jdbc;

    DealPaymentTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Terms of(String dealId) {
        return jdbc.sql(OF).param("deal", dealId).query((ResultSetExtractor<Terms>) rs -> terms(dealId, rs));
    }

    /** As {@link #of(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Terms> of(String dealId, ReadsTogether.Batch batch) {
        return batch.query(OF, Map.of("deal", dealId), (ResultSetExtractor<Terms>) rs -> terms(dealId, rs));
    }

    private static final String OF = """
                select 'ROYALTY' as part, null::int as number, rate_basis_points::bigint as n1,
                    minimum_per_period::bigint as n2, report_within_days::bigint as n3, currency,
                    reporting_period::text as word, null::date as due_date, null::timestamptz as paid_at,
                    null::text as broker_id, null::text as client_id
                from deal_royalty_terms where deal_id = :deal
                union all
                select 'INSTALMENT', number, amount_minor, null, null, currency, null, due_date, paid_at, null, null
                from deal_instalment where deal_id = :deal
                union all
                select 'BROKER', null, commission_bp, minimum_fen, commission_fen, null, side, null, null, broker_id,
                    client_id
                from deal_broker where deal_id = :deal
                order by part, number""";

    private static Terms terms(String dealId, ResultSet rs) throws SQLException {
        List<RunningRoyalty> royalty = new ArrayList<>(1);
        List<InstalmentPlan.Entry> instalments = new ArrayList<>();
        List<BuyersBroker> buyersBroker = new ArrayList<>(1);
        List<Named> sellerBroker = new ArrayList<>(1);
        while (rs.next()) {
            switch (rs.getString("part")) {
                case "ROYALTY" -> royalty.add(royalty(rs));
                case "INSTALMENT" -> instalments.add(instalment(rs));
                default -> {
                    if (BrokerCommission.Side.valueOf(rs.getString("word")) == BrokerCommission.Side.BUYER) {
                        buyersBroker.add(new BuyersBroker(
                                rs.getString("broker_id"),
                                new BuyersCommission(rs.getInt("n1"), rs.getLong("n2"), rs.getLong("n3"))));
                    } else {
                        sellerBroker.add(new Named(
                                dealId,
                                BrokerCommission.Side.SELLER,
                                rs.getString("broker_id"),
                                rs.getString("client_id"),
                                rs.getLong("n3")));
                    }
                }
            }
        }
        return new Terms(
                royalty.stream().findFirst(),
                instalments.isEmpty() ? Optional.empty() : Optional.of(new InstalmentPlan(instalments)),
                buyersBroker.stream().findFirst(),
                sellerBroker.stream().findFirst());
    }

    private static RunningRoyalty royalty(ResultSet rs) throws SQLException {
        return new RunningRoyalty(
                rs.getInt("n1"),
                new Money(rs.getLong("n2"), rs.getString("currency")),
                ReportingPeriod.valueOf(rs.getString("word")),
                rs.getInt("n3"));
    }

    private static InstalmentPlan.Entry instalment(ResultSet rs) throws SQLException {
        return new InstalmentPlan.Entry(
                rs.getInt("number"),
                new Money(rs.getLong("n1"), rs.getString("currency")),
                rs.getObject("due_date", LocalDate.class),
                Optional.ofNullable(rs.getTimestamp("paid_at")).map(Timestamp::toInstant));
    }
}
