package org.techmarket.deal.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.deal.domain.BrokerCommission;
import org.techmarket.deal.domain.BuyersCommission;
import org.techmarket.shared.Money;

/** The brokers each deal's contract names, with the commission it states; and each broker's public record. */
@Repository
public class DealBrokers {

    private final JdbcClient jdbc;

    DealBrokers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A broker on a deal, and the commission in fen the contract states for it. */
    public record Named(
            String dealId, BrokerCommission.Side side, String brokerId, String clientId, long commissionFen) {}

    public void add(String dealId, BrokerCommission broker, Money price) {
        jdbc.sql("""
                insert into deal_broker (deal_id, side, broker_id, client_id, mandate_id, commission_bp, minimum_fen,
                    commission_fen)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        dealId,
                        broker.side().name(),
                        broker.brokerId(),
                        broker.clientId(),
                        broker.mandateId(),
                        broker.basisPoints(),
                        broker.minimum().minor(),
                        broker.dueOn(price))
                .update();
    }

    /** The buyer's broker on the deal and the commission its contract states, if the buyer acted through one. */
    public record BuyersBroker(String brokerId, BuyersCommission commission) {}

    public Optional<BuyersBroker> buyersBroker(String dealId) {
        return jdbc.sql("select broker_id, commission_bp, minimum_fen, commission_fen from deal_broker"
                        + " where deal_id = ? and side = 'BUYER'")
                .param(dealId)
                .query((rs, n) -> new BuyersBroker(
                        rs.getString(1), new BuyersCommission(rs.getInt(2), rs.getLong(3), rs.getLong(4))))
                .optional();
    }

    /** A broker's public record: its deals completed and their volume by currency, its deals disputed. */
    public record Record(long dealsNamed, long dealsCompleted, long dealsDisputed, List<Volume> volume) {}

    /** Completed deals' prices summed in one currency, and the commissions their contracts state. */
    public record Volume(String currency, long completedFen, long commissionFen) {}

    /** The record in two statements, whatever the number of deals. */
    public Record record(String brokerId) {
        var counts = jdbc.sql("""
                select count(distinct d.id),
                       count(distinct d.id) filter (where d.status = 'COMPLETED'),
                       count(distinct d.id) filter (where exists (select 1 from deal_dispute x where x.deal_id = d.id))
                from deal_broker b join deal d on d.id = b.deal_id
                where b.broker_id = ?""")
                .param(brokerId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        List<Volume> volume = jdbc.sql("""
                select d.currency, sum(d.price_minor), sum(b.commission_fen)
                from deal_broker b join deal d on d.id = b.deal_id
                where b.broker_id = ? and d.status = 'COMPLETED'
                group by d.currency order by d.currency""")
                .param(brokerId)
                .query((rs, n) -> new Volume(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
        return new Record(counts[0], counts[1], counts[2], volume);
    }
}
