package org.techmarket.financing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.financing.domain.Collateral;
import org.techmarket.financing.domain.FinancingRequest;
import org.techmarket.financing.domain.LoanOffer;
import org.techmarket.financing.domain.OfferStatus;
import org.techmarket.financing.domain.RequestStatus;
import org.techmarket.shared.Money;

/** Financing requests with their collateral and consents, and lenders' offers on them. */
@Repository
public class FinancingRequests {

    private final JdbcClient jdbc;

    FinancingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(FinancingRequest r) {
        jdbc.sql("""
                insert into financing_request (id, owner_id, amount_minor, currency, term_months, purpose, status,
                                               created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.ownerId(),
                        r.amount().minor(),
                        r.amount().currency(),
                        r.termMonths(),
                        r.purpose(),
                        r.status().name(),
                        Timestamp.from(r.createdAt()))
                .update();
        for (Collateral c : r.collateral()) {
            jdbc.sql("insert into financing_collateral (request_id, asset_id, valuation_id, valuation_minor)"
                            + " values (?, ?, ?, ?)")
                    .params(
                            r.id(),
                            c.assetId(),
                            c.valuationId().orElse(null),
                            c.valuation().map(Money::minor).orElse(null))
                    .update();
        }
        for (String owner : r.pledgors()) {
            jdbc.sql("insert into financing_consent (request_id, owner_id, consented_at) values (?, ?, ?)")
                    .params(r.id(), owner, r.consented().contains(owner) ? Timestamp.from(r.createdAt()) : null)
                    .update();
        }
    }

    /** The request, locked until the calling transaction ends. */
    public Optional<FinancingRequest> lock(String id) {
        return read("select * from financing_request where id = ? for update", List.of(id)).stream()
                .findFirst();
    }

    public Optional<FinancingRequest> find(String id) {
        return read("select * from financing_request where id = ?", List.of(id)).stream()
                .findFirst();
    }

    /**
     * Requests newest first, at most {@code limit}: those {@code party} is a pledgor of, or with {@code open} also every
     * OPEN request; everything when {@code party} is empty. Three statements whatever the count.
     */
    public List<FinancingRequest> list(Optional<String> party, boolean open, int limit) {
        if (party.isEmpty()) {
            return read("select * from financing_request order by id desc limit ?", List.of(limit));
        }
        return read("""
                select * from financing_request r
                where exists (select 1 from financing_consent c where c.request_id = r.id and c.owner_id = ?)
                   or (? and r.status = 'OPEN')
                order by r.id desc limit ?""", List.of(party.get(), open, limit));
    }

    /** Stores the request's status and its consents, those new given at {@code at}. */
    public void update(FinancingRequest r, java.time.Instant at) {
        jdbc.sql("update financing_request set status = ? where id = ?")
                .params(r.status().name(), r.id())
                .update();
        jdbc.sql("""
                update financing_consent set consented_at = coalesce(consented_at, ?)
                where request_id = ? and owner_id = any (?)""")
                .params(Timestamp.from(at), r.id(), r.consented().toArray(String[]::new))
                .update();
    }

    public void addOffer(LoanOffer o) {
        jdbc.sql("""
                insert into financing_offer (id, request_id, lender_id, rate_bp, ltv_bp, term_months, principal_minor,
                                             status, created_at, valid_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        o.id(),
                        o.requestId(),
                        o.lenderId(),
                        o.rateBp(),
                        o.loanToValueBp(),
                        o.termMonths(),
                        o.principal().minor(),
                        o.status().name(),
                        Timestamp.from(o.createdAt()),
                        Timestamp.from(o.validUntil()))
                .update();
    }

    /** OPEN offers whose time has run out by {@code asOf}, the longest run out first. */
    public List<String> runOutOfferIds(java.time.Instant asOf, int limit) {
        return jdbc.sql("""
                select id from financing_offer where status = 'OPEN' and valid_until <= ?
                order by valid_until, id limit ?""")
                .params(Timestamp.from(asOf), limit)
                .query(String.class)
                .list();
    }

    /**
     * The OPEN offer whose time has run out by {@code asOf}, with its request locked until this transaction ends,
     * unless another transaction (an acceptance) holds the request.
     */
    public Optional<LoanOffer> claimRunOut(String offerId, java.time.Instant asOf) {
        return jdbc.sql("""
                select o.*, r.currency from financing_offer o join financing_request r on r.id = o.request_id
                where o.id = ? and o.status = 'OPEN' and o.valid_until <= ?
                for update of o, r skip locked""")
                .params(offerId, Timestamp.from(asOf))
                .query((rs, row) -> offer(rs))
                .optional();
    }

    /** The offers on these requests, oldest first, in one statement. */
    public Map<String, List<LoanOffer>> offersOf(Collection<String> requestIds) {
        Map<String, List<LoanOffer>> byRequest = new HashMap<>();
        jdbc.sql("""
                select o.*, r.currency from financing_offer o join financing_request r on r.id = o.request_id
                where o.request_id = any (?) order by o.id""")
                .param(requestIds.toArray(String[]::new))
                .query((rs, row) -> offer(rs))
                .list()
                .forEach(o -> byRequest
                        .computeIfAbsent(o.requestId(), k -> new ArrayList<>())
                        .add(o));
        return byRequest;
    }

    /** Stores an offer's status. */
    public void updateOffer(LoanOffer o) {
        jdbc.sql("update financing_offer set status = ? where id = ?")
                .params(o.status().name(), o.id())
                .update();
    }

    private List<FinancingRequest> read(String sql, List<Object> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(Row::id).toArray(String[]::new);
        Map<String, List<Collateral>> collateral = new HashMap<>();
        jdbc.sql("""
                select c.request_id, c.asset_id, c.valuation_id, c.valuation_minor, r.currency
                from financing_collateral c join financing_request r on r.id = c.request_id
                where c.request_id = any (?) order by c.request_id, c.asset_id""").param(ids).query(rs -> {
            long value = rs.getLong(4);
            Optional<Money> valuation = rs.wasNull() ? Optional.empty() : Optional.of(Money.of(value, rs.getString(5)));
            collateral
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Collateral(rs.getString(2), Optional.ofNullable(rs.getString(3)), valuation));
        });
        Map<String, Set<String>> pledgors = new HashMap<>();
        Map<String, Set<String>> consented = new HashMap<>();
        jdbc.sql(
                        "select request_id, owner_id, consented_at is not null from financing_consent where request_id = any (?)")
                .param(ids)
                .query(rs -> {
                    pledgors.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                            .add(rs.getString(2));
                    if (rs.getBoolean(3)) {
                        consented
                                .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                                .add(rs.getString(2));
                    }
                });
        Map<String, FinancingRequest> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(
                    r.id(),
                    new FinancingRequest(
                            r.id(),
                            r.ownerId(),
                            r.amount(),
                            r.termMonths(),
                            r.purpose(),
                            r.status(),
                            r.createdAt().toInstant(),
                            collateral.getOrDefault(r.id(), List.of()),
                            pledgors.getOrDefault(r.id(), Set.of()),
                            consented.getOrDefault(r.id(), Set.of())));
        }
        return List.copyOf(out.values());
    }

    private record Row(
            String id,
            String ownerId,
            Money amount,
            int termMonths,
            String purpose,
            RequestStatus status,
            Timestamp createdAt) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("owner_id"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getInt("term_months"),
                rs.getString("purpose"),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at"));
    }

    private static LoanOffer offer(ResultSet rs) throws SQLException {
        return new LoanOffer(
                rs.getString("id"),
                rs.getString("request_id"),
                rs.getString("lender_id"),
                rs.getInt("rate_bp"),
                rs.getInt("ltv_bp"),
                rs.getInt("term_months"),
                Money.of(rs.getLong("principal_minor"), rs.getString("currency")),
                OfferStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("valid_until").toInstant());
    }
}
