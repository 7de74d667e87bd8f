package org.techmarket.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.ledger.domain.CashIn;
import org.techmarket.shared.Money;

/** The ledger_cash_in table. */
@Repository
public class CashIns {

    private final JdbcClient jdbc;

    CashIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a receipt under its bank reference unless that reference is already recorded; false then. A
     * concurrent recording of the same reference waits for the first to commit and then finds it taken.
     */
    public boolean claim(
            String id, String bankReference, String organizationId, Money amount, String recordedBy, Instant at) {
        return jdbc.sql("""
                insert into ledger_cash_in (id, bank_reference, organization_id, amount, currency, recorded_by,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (bank_reference) do nothing""")
                        .params(
                                id,
                                bankReference,
                                organizationId,
                                amount.minor(),
                                amount.currency(),
                                recordedBy,
                                Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Links the receipt to the transfer that brought its money in, posted after {@link #claim}. */
    public void setTransfer(String id, String transferId) {
        jdbc.sql("update ledger_cash_in set transfer_id = ? where id = ?")
                .params(transferId, id)
                .update();
    }

    public Optional<CashIn> withBankReference(String bankReference) {
        return jdbc.sql("""
                select id, bank_reference, organization_id, amount, currency, transfer_id, recorded_by, recorded_at
                from ledger_cash_in where bank_reference = ?""").param(bankReference).query(CashIns::map).optional();
    }

    private static CashIn map(ResultSet rs, int row) throws SQLException {
        return new CashIn(
                rs.getString("id"),
                rs.getString("bank_reference"),
                rs.getString("organization_id"),
                Money.of(rs.getLong("amount"), rs.getString("currency")),
                rs.getString("transfer_id"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
