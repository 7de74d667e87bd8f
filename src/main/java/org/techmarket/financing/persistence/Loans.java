package org.techmarket.financing.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.financing.domain.Instalment;
import org.techmarket.financing.domain.Loan;
import org.techmarket.financing.domain.LoanStatus;

/** Loans, their repayment schedules and the pledges that secure them. */
@Repository
public class Loans {

    /** A pledge registered for a loan: the asset, the rights registry's grant and its registration number. */
    public record Pledge(String loanId, String assetId, String grantId, String registrationNumber) {}

    /**
     * A loan as stored, with the request and offer it came from, its pledges, and what a sale of its collateral left
     * owing unsecured (zero unless it is SETTLED_BY_SALE).
     */
    public record Stored(
            Loan loan, String requestId, String offerId, Instant createdAt, List<Pledge> pledges, long shortfall) {}

    private final JdbcClient jdbc;

    Loans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Loan loan, String requestId, String offerId, Instant at) {
        jdbc.sql("""
                insert into loan (id, request_id, offer_id, owner_id, lender_id, principal_minor, outstanding_minor,
                                  currency, rate_bp, term_months, disbursed_on, accrued_through,
                                  accrued_interest_minor, interest_carry, interest_paid_minor, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        loan.id(),
                        requestId,
                        offerId,
                        loan.ownerId(),
                        loan.lenderId(),
                        loan.principal(),
                        loan.outstanding(),
                        loan.currency(),
                        loan.rateBp(),
                        loan.instalments().size(),
                        Date.valueOf(loan.disbursedOn()),
                        Date.valueOf(loan.accruedThrough()),
                        loan.accruedInterest(),
                        loan.interestCarry(),
                        loan.interestPaid(),
                        loan.status().name(),
                        Timestamp.from(at))
                .update();
        for (Instalment i : loan.instalments()) {
            jdbc.sql("insert into loan_instalment (loan_id, seq, due_on, principal_minor) values (?, ?, ?, ?)")
                    .params(loan.id(), i.seq(), Date.valueOf(i.dueOn()), i.principal())
                    .update();
        }
    }

    public void addPledge(Pledge pledge) {
        jdbc.sql("insert into loan_pledge (loan_id, asset_id, grant_id, registration_number) values (?, ?, ?, ?)")
                .params(pledge.loanId(), pledge.assetId(), pledge.grantId(), pledge.registrationNumber())
                .update();
    }

    /** A fresh pledge registration number, such as {@code Y2026000000123}: the year and a market-wide serial. */
    public String nextRegistrationNumber(LocalDate today) {
        long serial = jdbc.sql("select nextval('pledge_registration_seq')")
                .query(Long.class)
                .single();
        return "Y" + today.getYear() + String.format("%09d", serial);
    }

    /** Stores the loan's balances, status and the instalments it has paid since it was read. */
    public void update(Loan loan, Instant at) {
        jdbc.sql("""
                update loan set outstanding_minor = ?, accrued_through = ?, accrued_interest_minor = ?,
                                interest_carry = ?, interest_paid_minor = ?, status = ?,
                                closed_at = coalesce(closed_at, ?::timestamptz)
                where id = ?""")
                .params(
                        loan.outstanding(),
                        Date.valueOf(loan.accruedThrough()),
                        loan.accruedInterest(),
                        loan.interestCarry(),
                        loan.interestPaid(),
                        loan.status().name(),
                        loan.status().isServiced() ? null : Timestamp.from(at),
                        loan.id())
                .update();
        for (Instalment i : loan.instalments()) {
            if (i.isPaid()) {
                jdbc.sql("""
                        update loan_instalment set paid_on = ?, interest_paid_minor = ?
                        where loan_id = ? and seq = ? and paid_on is null""")
                        .params(Date.valueOf(i.paidOn().orElseThrow()), i.interestPaid(), loan.id(), i.seq())
                        .update();
            }
        }
    }

    /** Records what the sale of the loan's collateral left owing, unsecured. */
    public void recordShortfall(String loanId, long shortfall) {
        jdbc.sql("update loan set shortfall_minor = ? where id = ?")
                .params(shortfall, loanId)
                .update();
    }

    public Optional<Stored> find(String id) {
        return read("select * from loan where id = ?", List.of(id)).stream().findFirst();
    }

    /** The loan, locked until the calling transaction ends. */
    public Optional<Stored> lock(String id) {
        return read("select * from loan where id = ? for update", List.of(id)).stream()
                .findFirst();
    }

    /** The loan if it is still serviced and no other transaction holds it, locked until this one ends. */
    public Optional<Stored> claimServiced(String id) {
        return read(
                        "select * from loan where id = ? and status in ('ACTIVE', 'OVERDUE') for update skip locked",
                        List.of(id))
                .stream()
                .findFirst();
    }

    /** The statuses of the loans {@code lenderId} made to {@code ownerId}, without their schedules or pledges. */
    public List<LoanStatus> statusesBetween(String lenderId, String ownerId) {
        return jdbc.sql("select status from loan where lender_id = ? and owner_id = ?")
                .params(lenderId, ownerId)
                .query((rs, n) -> LoanStatus.valueOf(rs.getString(1)))
                .list();
    }

    /** The loan made from this request, if it was funded. */
    public Optional<Stored> ofRequest(String requestId) {
        return read("select * from loan where request_id = ?", List.of(requestId)).stream()
                .findFirst();
    }

    /** Loans {@code party} borrowed or lent, newest first; every loan when empty. Three statements whatever the count. */
    public List<Stored> list(Optional<String> party, int limit) {
        return party.map(org -> read(
                        "select * from loan where owner_id = ? or lender_id = ? order by id desc limit ?",
                        List.of(org, org, limit)))
                .orElseGet(() -> read("select * from loan order by id desc limit ?", List.of(limit)));
    }

    /**
     * Serviced loans with interest to accrue by {@code today} or an instalment due by then still unpaid, the longest
     * waiting first.
     */
    public List<String> dueForServicing(LocalDate today, int limit) {
        return jdbc.sql("""
                select l.id from loan l
                where l.status in ('ACTIVE', 'OVERDUE')
                  and (l.accrued_through < ? or exists (
                        select 1 from loan_instalment i where i.loan_id = l.id and i.paid_on is null and i.due_on <= ?))
                order by l.accrued_through, l.id limit ?""")
                .params(Date.valueOf(today), Date.valueOf(today), limit)
                .query(String.class)
                .list();
    }

    private List<Stored> read(String sql, List<Object> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(r -> r.id).toArray(String[]::new);
        Map<String, List<Instalment>> schedules = new HashMap<>();
        jdbc.sql("select * from loan_instalment where loan_id = any (?) order by loan_id, seq")
                .param(ids)
                .query(rs -> {
                    Date paid = rs.getDate("paid_on");
                    schedules
                            .computeIfAbsent(rs.getString("loan_id"), k -> new ArrayList<>())
                            .add(new Instalment(
                                    rs.getInt("seq"),
                                    rs.getDate("due_on").toLocalDate(),
                                    rs.getLong("principal_minor"),
                                    Optional.ofNullable(paid).map(Date::toLocalDate),
                                    rs.getLong("interest_paid_minor")));
                });
        Map<String, List<Pledge>> pledges = new HashMap<>();
        jdbc.sql("select * from loan_pledge where loan_id = any (?) order by loan_id, asset_id")
                .param(ids)
                .query(rs -> {
                    pledges.computeIfAbsent(rs.getString("loan_id"), k -> new ArrayList<>())
                            .add(new Pledge(
                                    rs.getString("loan_id"),
                                    rs.getString("asset_id"),
                                    rs.getString("grant_id"),
                                    rs.getString("registration_number")));
                });
        return rows.stream()
                .map(r -> new Stored(
                        new Loan(
                                r.id,
                                r.ownerId,
                                r.lenderId,
                                r.principal,
                                r.outstanding,
                                r.currency,
                                r.rateBp,
                                r.disbursedOn,
                                r.accruedThrough,
                                r.accruedInterest,
                                r.carry,
                                r.interestPaid,
                                r.status,
                                schedules.getOrDefault(r.id, List.of())),
                        r.requestId,
                        r.offerId,
                        r.createdAt,
                        pledges.getOrDefault(r.id, List.of()),
                        r.shortfall))
                .toList();
    }

    private record Row(
            String id,
            String requestId,
            String offerId,
            String ownerId,
            String lenderId,
            long principal,
            long outstanding,
            String currency,
            int rateBp,
            LocalDate disbursedOn,
            LocalDate accruedThrough,
            long accruedInterest,
            long carry,
            long interestPaid,
            LoanStatus status,
            Instant createdAt,
            long shortfall) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("request_id"),
                rs.getString("offer_id"),
                rs.getString("owner_id"),
                rs.getString("lender_id"),
                rs.getLong("principal_minor"),
                rs.getLong("outstanding_minor"),
                rs.getString("currency"),
                rs.getInt("rate_bp"),
                rs.getDate("disbursed_on").toLocalDate(),
                rs.getDate("accrued_through").toLocalDate(),
                rs.getLong("accrued_interest_minor"),
                rs.getLong("interest_carry"),
                rs.getLong("interest_paid_minor"),
                LoanStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("shortfall_minor"));
    }
}
