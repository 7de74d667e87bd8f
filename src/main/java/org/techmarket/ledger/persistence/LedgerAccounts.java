package org.techmarket.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.AccountKind;
import org.techmarket.shared.ReadsTogether;

/** The ledger_account table: one row per account with its current balance (changed by {@link Journal#record}). */
@Repository
public class LedgerAccounts {

    private final JdbcClient jdbc;

    LedgerAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored account and its balance in minor units. */
    public record Balance(AccountId account, long balance) {}

    /**
     * Locks the accounts that exist, in key order so that concurrent postings never wait on each other in a
     * circle, and returns their balances; accounts not yet created are missing from the result.
     */
    public Map<AccountId, Long> lock(Collection<AccountId> accounts) {
        String[] keys = accounts.stream().map(AccountId::key).distinct().toArray(String[]::new);
        Map<AccountId, Long> balances = new HashMap<>();
        // One text whatever the number of accounts. PostgreSQL still plans it on every execution: its reusable plan
        // is costed for an array of ten, so never looks cheaper than a plan for the few at hand (ADR 0116).
        jdbc.sql("select id, balance from ledger_account where id = any(?::text[]) order by id for update")
                .param(keys)
                .query(rs -> {
                    balances.put(AccountId.parse(rs.getString(1)), rs.getLong(2));
                });
        return balances;
    }

    /**
     * Creates the accounts that do not exist yet, with a zero balance, in one statement; inserted in one order to
     * avoid deadlocks.
     */
    public void create(Collection<AccountId> accounts, Instant now) {
        List<AccountId> sorted = accounts.stream().sorted().distinct().toList();
        jdbc.sql("""
                insert into ledger_account (id, kind, owner, currency, balance, created_at)
                select a.id, a.kind, a.owner, a.currency, 0, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as a(id, kind, owner, currency, n)
                order by a.n on conflict do nothing""")
                .params(
                        Timestamp.from(now),
                        sorted.stream().map(AccountId::key).toArray(String[]::new),
                        sorted.stream().map(a -> a.kind().name()).toArray(String[]::new),
                        sorted.stream().map(AccountId::owner).toArray(String[]::new),
                        sorted.stream().map(AccountId::currency).toArray(String[]::new))
                .update();
    }

    /**
     * Creates the account with a zero balance unless it exists; true when this call created it. The id and (kind,
     * owner, currency) name the same account, so a conflict on either means it exists: with {@code on conflict (id)}
     * alone, two transactions creating it at once could meet on the other unique index first and fail.
     */
    public boolean createIfMissing(AccountId account, Instant now) {
        return jdbc.sql("""
                insert into ledger_account (id, kind, owner, currency, balance, created_at)
                values (?, ?, ?, ?, 0, ?) on conflict do nothing""")
                        .params(
                                account.key(),
                                account.kind().name(),
                                account.owner(),
                                account.currency(),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<Long> balance(AccountId account) {
        return jdbc.sql("select balance from ledger_account where id = ?")
                .param(account.key())
                .query(Long.class)
                .optional();
    }

    /** Every account of an owner, such as an organization's AVAILABLE and HELD accounts in each currency. */
    public List<Balance> ofOwner(String owner) {
        return jdbc.sql(OF_OWNER).param(owner).query(LedgerAccounts::balance).list();
    }

    /** As {@link #ofOwner(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Balance>> ofOwner(String owner, ReadsTogether.Batch batch) {
        return batch.list(OF_OWNER, List.of(owner), LedgerAccounts::balance);
    }

    /** The owner's accounts of one kind, one per currency, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Balance>> ofKind(AccountKind kind, String owner, ReadsTogether.Batch batch) {
        return batch.list(OF_KIND, List.of(kind.name(), owner), LedgerAccounts::balance);
    }

    private static final String OF_KIND = "select id, balance from ledger_account where kind = ? and owner = ?";

    private static final String OF_OWNER =
            "select id, balance from ledger_account where owner = ? order by currency, kind";

    private static Balance balance(ResultSet rs, int row) throws SQLException {
        return new Balance(AccountId.parse(rs.getString(1)), rs.getLong(2));
    }
}
