package org.techmarket.ledger.persistence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whole-ledger checks: totals per currency and every account whose balance breaks a rule. */
@Repository
public class Reconciliation {

    private final JdbcClient jdbc;

    Reconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sum of all balances per currency, in minor units; zero in a sound ledger. */
    public Map<String, Long> totalsByCurrency() {
        Map<String, Long> totals = new TreeMap<>();
        jdbc.sql("select currency, sum(balance) from ledger_account group by currency")
                .query(rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                });
        return totals;
    }

    public long accountCount() {
        return jdbc.sql("select count(*) from ledger_account").query(Long.class).single();
    }

    /** Accounts other than BANK below zero. */
    public List<String> overdrawn() {
        return jdbc.sql("select id from ledger_account where kind <> 'BANK' and balance < 0 order by id")
                .query(String.class)
                .list();
    }

    /** Accounts whose balance differs from the sum of their entries. */
    public List<String> journalMismatches() {
        return jdbc.sql("""
                select a.id from ledger_account a
                left join (select account_id, sum(amount) as total from ledger_entry group by account_id) e
                    on e.account_id = a.id
                where a.balance <> coalesce(e.total, 0) order by a.id""").query(String.class).list();
    }

    /** HELD accounts whose balance differs from what their organization's active holds still hold. */
    public List<String> holdMismatches() {
        return jdbc.sql("""
                select a.id from ledger_account a
                left join (select organization_id, currency, sum(remaining) as total from ledger_hold
                           where status = 'ACTIVE' group by organization_id, currency) h
                    on h.organization_id = a.owner and h.currency = a.currency
                where a.kind = 'HELD' and a.balance <> coalesce(h.total, 0) order by a.id""").query(String.class).list();
    }
}
