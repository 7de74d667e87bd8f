package org.techmarket.ledger.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.audit.AuditLog;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Transfer;
import org.techmarket.ledger.domain.PostingRules;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/** The append-only ledger_transfer and ledger_entry tables, and the balances they lead to. */
@Repository
public class Journal {

    private static final String TRANSFER_COLUMNS =
            "id, batch_id, debit_account, credit_account, amount, currency, reason, cause, idempotency_key, posted_at";

    private final JdbcClient jdbc;

    Journal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a statement: an entry of the account, the transfer it belongs to, and the other side. */
    public record StatementLine(
            long sequence,
            String transferId,
            long amount,
            long balanceAfter,
            Instant postedAt,
            String reason,
            String cause,
            AccountId counterAccount) {}

    /**
     * Records a posting in one statement: the new balances of the accounts it touched (which this transaction has
     * locked), its transfers, and their entries, where {@code entries[i].transfer()} indexes {@code transfers}.
     * One statement keeps the account locks held as briefly as the posting allows; its rows travel as arrays, so its
     * text is the same whatever the posting's size and the database plans it once per connection.
     */
    public void record(
            Map<AccountId, Long> balances, List<Transfer> transfers, List<PostingRules.Entry> entries, String actor) {
        record(balances, transfers, entries, actor, Optional.empty());
    }

    /**
     * A write of the hold a posting moves, made by the posting's own statement: its insert when the posting places it
     * ({@link Holds#placing}), its update when the posting captures, releases or expires it ({@link Holds#changing}).
     */
    public record HoldWrite(String sql, List<Object> params) {}

    /**
     * As {@link #record(Map, List, List, String)}, and writes the hold the posting places or changes in the same
     * statement: a posting that moves a hold is one round trip after its accounts are locked.
     */
    public void record(
            Map<AccountId, Long> balances,
            List<Transfer> transfers,
            List<PostingRules.Entry> entries,
            String actor,
            Optional<HoldWrite> hold) {
        List<Map.Entry<AccountId, Long>> changed = List.copyOf(balances.entrySet());
        List<PostingRules.Entry> lines = List.copyOf(entries);
        List<Object> params = new ArrayList<>();
        hold.ifPresent(write -> params.addAll(write.params()));
        params.addAll(Arrays.asList(
                column(changed, b -> b.getKey().key()),
                changed.stream().mapToLong(Map.Entry::getValue).toArray(),
                actor,
                column(transfers, Transfer::id),
                column(transfers, Transfer::batchId)));
        params.addAll(movements(transfers));
        params.addAll(Arrays.asList(
                column(transfers, t -> t.postedAt().toString()),
                column(lines, e -> e.account().key()),
                column(lines, e -> transfers.get(e.transfer()).id()),
                lines.stream().mapToLong(PostingRules.Entry::amount).toArray(),
                lines.stream().mapToLong(PostingRules.Entry::balanceAfter).toArray(),
                column(lines, e -> transfers.get(e.transfer()).postedAt().toString())));
        String held =
                hold.isPresent() ? "with held as (" + hold.get().sql() + "), balances as (" : "with balances as (";
        jdbc.sql(held + """

                    update ledger_account a set balance = v.balance
                    from unnest(?::text[], ?::bigint[]) as v (id, balance) where a.id = v.id returning a.id),
                transfers as (
                    insert into ledger_transfer (%s, actor)
                    select t.id, t.batch_id, t.debit, t.credit, t.amount, t.currency, t.reason, t.cause, t.key,
                        t.posted_at::timestamptz, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[]) with ordinality
                        as t (id, batch_id, debit, credit, amount, currency, reason, cause, key, posted_at, n)
                    order by t.n returning id)
                insert into ledger_entry (account_id, transfer_id, amount, balance_after, posted_at)
                select e.account, e.transfer, e.amount, e.balance_after, e.posted_at::timestamptz
                from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[]) with ordinality
                    as e (account, transfer, amount, balance_after, posted_at, n)
                order by e.n""".formatted(TRANSFER_COLUMNS)).params(params).update();
    }

    /**
     * The audit event a group posted in one statement records with it: its type and subject, and its payload as the
     * text that opens it, each transfer's canonical JSON (the accepted ones are joined with commas) and the text that
     * closes it.
     */
    public record GroupEvent(String type, String subject, String open, List<String> items, String close) {}

    /** Why the database refused one transfer of a group: a ledger code, the account it names, its balance then. */
    public record Refused(String code, AccountId account, Optional<Long> balance) {}

    /**
     * Posts a group in one statement ({@code ledger_post_each}, ADR 0100): locks the {@code accounts} in key order,
     * creating any missing but escrow, applies the {@code transfers} in order, each refused alone, and stores the
     * moved balances, the accepted transfers, their entries and the {@code event} if given. Outside a transaction the statement commits
     * by itself, so a group costs one round trip. The answer has one element per transfer: empty when posted.
     */
    public List<Optional<Refused>> postEach(
            String actor, Collection<AccountId> accounts, List<Transfer> transfers, Optional<GroupEvent> event) {
        if (transfers.isEmpty()) {
            return List.of();
        }
        List<Optional<Refused>> answers = new ArrayList<>(transfers.size());
        List<Object> params = groupParameters(actor, accounts, transfers);
        params.addAll(Arrays.asList(
                // no nulls: for a null of unknown type Spring asks the driver for the parameter's type, which can cost
                // a round trip
                event.map(GroupEvent::type).orElse(""),
                event.map(GroupEvent::subject).orElse(""),
                event.map(GroupEvent::open).orElse(""),
                event.map(e -> e.items().toArray(String[]::new)).orElse(new String[0]),
                event.map(GroupEvent::close).orElse("")));
        jdbc.sql("""
                select refusal, account, balance from ledger_post_each(?, ?, ?, ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                    nullif(?, ''), ?, ?, ?::text[], ?)""").params(params).query(rs -> {
            String code = rs.getString(1);
            answers.add(code == null ? Optional.empty() : Optional.of(refusal(rs, code, 2)));
        });
        return answers;
    }

    /** Why the database refused a batch posted all or none: the refused transfer's index in the batch, and why. */
    public record RefusedAt(int transfer, Refused refused) {}

    /**
     * Posts a batch all or none in one statement of the caller's transaction ({@code ledger_post_all}, ADR 0102):
     * locks the {@code accounts} in key order, creating any missing but escrow, applies the {@code transfers} in order
     * and, unless one is refused, stores the moved balances, the transfers and their entries. A refused batch writes
     * no balance, transfer or entry; the answer then names the first transfer refused. The audit events
     * {@code heldBack} names are appended by the same statement first, whether or not the batch is refused.
     */
    public Optional<RefusedAt> postAll(
            String actor,
            Collection<AccountId> accounts,
            List<Transfer> transfers,
            Optional<AuditLog.Appending> heldBack) {
        if (transfers.isEmpty()) {
            return Optional.empty();
        }
        List<Object> params = groupParameters(actor, accounts, transfers);
        String[] none = new String[0];
        params.addAll(Arrays.asList(
                Timestamp.from(heldBack.map(AuditLog.Appending::occurredAt)
                        .orElse(transfers.get(0).postedAt())),
                heldBack.map(AuditLog.Appending::actors).orElse(none),
                heldBack.map(AuditLog.Appending::types).orElse(none),
                heldBack.map(AuditLog.Appending::subjects).orElse(none),
                heldBack.map(AuditLog.Appending::payloads).orElse(none)));
        List<RefusedAt> refused = new ArrayList<>(1);
        jdbc.sql("""
                select refusal, transfer, account, balance from ledger_post_all(?, ?, ?, ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?, ?::text[], ?::text[], ?::text[], ?::text[])""").params(params).query(rs -> {
            refused.add(new RefusedAt(rs.getInt(2) - 1, refusal(rs, rs.getString(1), 3)));
        });
        return refused.stream().findFirst();
    }

    /**
     * What both of the journal's group statements take first: the actor, the batch and its time, the accounts to lock
     * (keys, kinds, owners, currencies), the transfers' ids and what each moves.
     */
    private static List<Object> groupParameters(
            String actor, Collection<AccountId> accounts, List<Transfer> transfers) {
        List<AccountId> touched = List.copyOf(accounts);
        Transfer first = transfers.get(0);
        List<Object> params = new ArrayList<>(Arrays.asList(
                actor,
                first.batchId(),
                Timestamp.from(first.postedAt()),
                column(touched, AccountId::key),
                column(touched, a -> a.kind().name()),
                column(touched, AccountId::owner),
                column(touched, AccountId::currency),
                column(transfers, Transfer::id)));
        params.addAll(movements(transfers));
        return params;
    }

    /** A refusal row of either group statement: the account at {@code column}, its balance (if known) after it. */
    private static Refused refusal(ResultSet rs, String code, int column) throws SQLException {
        String account = rs.getString(column);
        long balance = rs.getLong(column + 1);
        return new Refused(code, AccountId.parse(account), rs.wasNull() ? Optional.empty() : Optional.of(balance));
    }

    /**
     * What each transfer moves, as both of the journal's statements take it, one array each: debit and credit accounts,
     * amounts, currencies, reasons, causes and idempotency keys.
     */
    private static List<Object> movements(List<Transfer> transfers) {
        return Arrays.asList(
                column(transfers, t -> t.from().key()),
                column(transfers, t -> t.to().key()),
                transfers.stream().mapToLong(t -> t.amount().minor()).toArray(),
                column(transfers, t -> t.amount().currency()),
                column(transfers, Transfer::reason),
                column(transfers, Transfer::cause),
                column(transfers, t -> t.idempotencyKey().orElse(null)));
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    public Optional<Transfer> withIdempotencyKey(String key) {
        return jdbc.sql("select " + TRANSFER_COLUMNS + " from ledger_transfer where idempotency_key = ?")
                .param(key)
                .query(Journal::transfer)
                .optional();
    }

    public Optional<Transfer> find(String id) {
        return jdbc.sql("select " + TRANSFER_COLUMNS + " from ledger_transfer where id = ?")
                .param(id)
                .query(Journal::transfer)
                .optional();
    }

    /** Entries of an account after a sequence, oldest first, with the transfer and the other side of each. */
    public List<StatementLine> statement(AccountId account, long after, int limit) {
        return jdbc.sql(STATEMENT)
                .params(account.key(), after, limit)
                .query(Journal::line)
                .list();
    }

    /** As {@link #statement(AccountId, long, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<StatementLine>> statement(
            AccountId account, long after, int limit, ReadsTogether.Batch batch) {
        return batch.list(STATEMENT, List.of(account.key(), after, limit), Journal::line);
    }

    private static final String STATEMENT = """
            select e.sequence, e.transfer_id, e.amount, e.balance_after, e.posted_at, t.reason, t.cause,
                case when t.debit_account = e.account_id then t.credit_account else t.debit_account end
            from ledger_entry e join ledger_transfer t on t.id = e.transfer_id
            where e.account_id = ? and e.sequence > ? order by e.sequence limit ?""";

    private static StatementLine line(ResultSet rs, int row) throws SQLException {
        return new StatementLine(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getString(7),
                AccountId.parse(rs.getString(8)));
    }

    /** A balance an account had after an entry. */
    public record BalancePoint(AccountId account, Instant at, long balance) {}

    /** The balances after the latest {@code limit} entries of each account, oldest first, in one statement. */
    public List<BalancePoint> balanceHistory(List<AccountId> accounts, int limit) {
        return jdbc.sql(BALANCE_HISTORY)
                .params(keys(accounts), limit)
                .query(Journal::point)
                .list();
    }

    /** As {@link #balanceHistory(List, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<BalancePoint>> balanceHistory(
            List<AccountId> accounts, int limit, ReadsTogether.Batch batch) {
        return batch.list(BALANCE_HISTORY, List.of(keys(accounts), limit), Journal::point);
    }

    private static final String BALANCE_HISTORY = """
            select a.id, latest.posted_at, latest.balance_after
            from unnest(?::text[]) a(id) cross join lateral (
                select e.posted_at, e.balance_after, e.sequence from ledger_entry e
                where e.account_id = a.id order by e.sequence desc limit ?) latest
            order by latest.posted_at, latest.sequence""";

    private static String[] keys(List<AccountId> accounts) {
        return accounts.stream().map(AccountId::key).toArray(String[]::new);
    }

    private static BalancePoint point(ResultSet rs, int row) throws SQLException {
        return new BalancePoint(
                AccountId.parse(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getLong(3));
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(
                rs.getString("id"),
                rs.getString("batch_id"),
                AccountId.parse(rs.getString("debit_account")),
                AccountId.parse(rs.getString("credit_account")),
                Money.of(rs.getLong("amount"), rs.getString("currency")),
                rs.getString("reason"),
                rs.getString("cause"),
                Optional.ofNullable(rs.getString("idempotency_key")),
                rs.getTimestamp("posted_at").toInstant());
    }
}
