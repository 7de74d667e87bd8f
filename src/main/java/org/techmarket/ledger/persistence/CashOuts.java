package org.techmarket.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.ledger.domain.CashOut;
import org.techmarket.ledger.domain.CashOutStatus;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/** The ledger_cash_out table. */
@Repository
public class CashOuts {

    private static final String COLUMNS = "id, organization_id, amount, currency, hold_id, status, requested_by,"
            + " requested_at, decided_by, decided_at, bank_reference, bank_account";

    private final JdbcClient jdbc;

    CashOuts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(CashOut c) {
        jdbc.sql("insert into ledger_cash_out (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.organizationId(),
                        c.amount().minor(),
                        c.amount().currency(),
                        c.holdId(),
                        c.status().name(),
                        c.requestedBy(),
                        Timestamp.from(c.requestedAt()),
                        c.decidedBy().orElse(null),
                        c.decidedAt().map(Timestamp::from).orElse(null),
                        c.bankReference().orElse(null),
                        c.bankAccount().orElse(null))
                .update();
    }

    public void update(CashOut c) {
        jdbc.sql("""
                update ledger_cash_out set status = ?, decided_by = ?, decided_at = ?, bank_reference = ?
                where id = ?""")
                .params(
                        c.status().name(),
                        c.decidedBy().orElse(null),
                        c.decidedAt().map(Timestamp::from).orElse(null),
                        c.bankReference().orElse(null),
                        c.id())
                .update();
    }

    public Optional<CashOut> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_cash_out where id = ?")
                .param(id)
                .query(CashOuts::map)
                .optional();
    }

    /** Reads the cash-out and locks it until the transaction ends. */
    public Optional<CashOut> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from ledger_cash_out where id = ? for update")
                .param(id)
                .query(CashOuts::map)
                .optional();
    }

    /** A page of cash-outs in id order, of one organization or of all, in one status or any. */
    public List<CashOut> page(Optional<String> organization, Optional<CashOutStatus> status, String after, int limit) {
        return jdbc.sql(PAGE)
                .params(pageParams(organization, status, after, limit))
                .query(CashOuts::map)
                .list();
    }

    /** As {@link #page(Optional, Optional, String, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<CashOut>> page(
            Optional<String> organization,
            Optional<CashOutStatus> status,
            String after,
            int limit,
            ReadsTogether.Batch batch) {
        return batch.list(PAGE, pageParams(organization, status, after, limit), CashOuts::map);
    }

    private static final String PAGE = "select " + COLUMNS + " from ledger_cash_out where id > ?"
            + " and (cast(? as text) is null or organization_id = ?)"
            + " and (cast(? as text) is null or status = ?) order by id limit ?";

    private static List<Object> pageParams(
            Optional<String> organization, Optional<CashOutStatus> status, String after, int limit) {
        return Arrays.asList(
                after,
                organization.orElse(null),
                organization.orElse(null),
                status.map(Enum::name).orElse(null),
                status.map(Enum::name).orElse(null),
                limit);
    }

    private static CashOut map(ResultSet rs, int row) throws SQLException {
        return new CashOut(
                rs.getString("id"),
                rs.getString("organization_id"),
                Money.of(rs.getLong("amount"), rs.getString("currency")),
                rs.getString("hold_id"),
                CashOutStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(rs.getTimestamp("decided_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("bank_reference")),
                Optional.ofNullable(rs.getString("bank_account")));
    }
}
