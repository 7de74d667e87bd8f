package org.techmarket.rights.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.rights.domain.LicencePeriod;
import org.techmarket.rights.domain.OpenLicenceDeclaration;
import org.techmarket.rights.domain.OpenLicenceTerms;
import org.techmarket.rights.domain.Royalty;
import org.techmarket.shared.Money;
import org.techmarket.shared.ReadsTogether;

/** The {@code rights_open_licence} table: every declaration made, the standing ones and the withdrawn. */
@Repository
public class OpenLicences {

    private static final String COLUMNS = """
            id, asset_id, declared_by, royalty_type, lump_sum_minor, revenue_basis_points, minimum_per_year_minor,
            currency, term_months, term_days, fields, territories, industries, status, declared_at, withdrawn_at""";

    private final JdbcClient jdbc;

    OpenLicences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(OpenLicenceDeclaration declaration) {
        OpenLicenceTerms terms = declaration.terms();
        Royalty royalty = terms.royalty();
        Money money = royalty instanceof Royalty.LumpSum lump
                ? lump.amount()
                : ((Royalty.PercentOfRevenue) royalty).minimumPerYear();
        Optional<OpenLicenceTerms.Restriction> restriction = terms.restriction();
        jdbc.sql("""
                insert into rights_open_licence (id, asset_id, declared_by, royalty_type, lump_sum_minor,
                    revenue_basis_points, minimum_per_year_minor, currency, term_months, term_days, fields, territories,
                    industries, status, declared_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?, ?)""")
                .params(
                        declaration.id(),
                        declaration.assetId(),
                        declaration.declaredBy(),
                        royalty instanceof Royalty.LumpSum ? "LUMP_SUM" : "PERCENT_OF_REVENUE",
                        royalty instanceof Royalty.LumpSum ? money.minor() : null,
                        royalty instanceof Royalty.PercentOfRevenue p ? p.basisPoints() : null,
                        royalty instanceof Royalty.PercentOfRevenue ? money.minor() : null,
                        money.currency(),
                        terms.period().months().orElse(null),
                        terms.period().days().orElse(null),
                        restriction.map(r -> GrantRows.codes(r.fields())).orElse(null),
                        restriction.map(r -> GrantRows.codes(r.territories())).orElse(null),
                        declaration.industries().toArray(String[]::new),
                        declaration.status().name(),
                        Timestamp.from(declaration.declaredAt()))
                .update();
    }

    /** The asset's standing declaration, if one stands. */
    public Optional<OpenLicenceDeclaration> standing(String assetId) {
        return jdbc.sql(STANDING).param(assetId).query(OpenLicences::map).optional();
    }

    /** As {@link #standing(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<Optional<OpenLicenceDeclaration>> standing(String assetId, ReadsTogether.Batch batch) {
        return batch.optional(STANDING, List.of(assetId), OpenLicences::map);
    }

    private static final String STANDING =
            "select " + COLUMNS + " from rights_open_licence where asset_id = ? and status = 'ACTIVE'";

    /** Marks a standing declaration withdrawn; false when it no longer stands. */
    public boolean withdraw(String id, Instant at) {
        return jdbc.sql("""
                update rights_open_licence set status = 'WITHDRAWN', withdrawn_at = ?
                where id = ? and status = 'ACTIVE'""").params(Timestamp.from(at), id).update() == 1;
    }

    /** One page of the public catalogue: standing declarations in id order after {@code after}. */
    public List<OpenLicenceDeclaration> catalogue(Optional<String> industry, Optional<String> after, int limit) {
        StringBuilder sql =
                new StringBuilder("select " + COLUMNS + " from rights_open_licence where status = 'ACTIVE' and id > ?");
        List<Object> params = new ArrayList<>(List.of(after.orElse("")));
        industry.ifPresent(tag -> {
            sql.append(" and industries @> array[?]::text[]");
            params.add(tag);
        });
        sql.append(" order by id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(OpenLicences::map).list();
    }

    private static OpenLicenceDeclaration map(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Royalty royalty = "LUMP_SUM".equals(rs.getString("royalty_type"))
                ? new Royalty.LumpSum(new Money(rs.getLong("lump_sum_minor"), currency))
                : new Royalty.PercentOfRevenue(
                        rs.getInt("revenue_basis_points"), new Money(rs.getLong("minimum_per_year_minor"), currency));
        LicencePeriod period =
                LicencePeriod.of((Integer) rs.getObject("term_months"), (Integer) rs.getObject("term_days"));
        Optional<OpenLicenceTerms.Restriction> restriction = rs.getArray("fields") == null
                ? Optional.empty()
                : Optional.of(new OpenLicenceTerms.Restriction(
                        GrantRows.fields(rs.getArray("fields")), GrantRows.territories(rs.getArray("territories"))));
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new OpenLicenceDeclaration(
                rs.getString("id"),
                rs.getString("asset_id"),
                rs.getString("declared_by"),
                new OpenLicenceTerms(royalty, period, restriction),
                GrantRows.strings(rs.getArray("industries")),
                OpenLicenceDeclaration.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("declared_at").toInstant(),
                Optional.ofNullable(withdrawn).map(Timestamp::toInstant));
    }
}
