package org.techmarket.rights.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.domain.FieldOfUse;
import org.techmarket.rights.domain.Grant;
import org.techmarket.rights.domain.GrantStatus;
import org.techmarket.rights.domain.GrantType;
import org.techmarket.rights.domain.RegisteredGrant;
import org.techmarket.rights.domain.Scopes;
import org.techmarket.rights.domain.Term;
import org.techmarket.rights.domain.Territory;
import org.techmarket.shared.Money;

/** Reads rows of {@code rights_grant} back into registry entries, and the small conversions both tables share. */
final class GrantRows {

    static final String COLUMNS = """
            id, asset_id, type, grantors, grantee_id, fields, territories, starts_on, ends_on, sublicensable,
            pledgee_consent, status, terminated_from, termination_reason, parent_grant_id, open_licence_id,
            amount_due_minor, amount_due_currency, cause_id, created_at, version""";

    private GrantRows() {}

    static RegisteredGrant map(ResultSet rs, int row) throws SQLException {
        GrantScope scope = Scopes.of(
                fields(rs.getArray("fields")),
                territories(rs.getArray("territories")),
                new Term(
                        rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate()));
        Grant grant = new Grant(
                rs.getString("id"),
                GrantType.valueOf(rs.getString("type")),
                Set.copyOf(strings(rs.getArray("grantors"))),
                rs.getString("grantee_id"),
                scope,
                rs.getBoolean("sublicensable"),
                GrantStatus.valueOf(rs.getString("status")),
                rs.getBoolean("pledgee_consent"),
                Optional.ofNullable(rs.getDate("terminated_from")).map(Date::toLocalDate),
                Optional.ofNullable(rs.getString("parent_grant_id")));
        String currency = rs.getString("amount_due_currency");
        Optional<Money> due =
                currency == null ? Optional.empty() : Optional.of(new Money(rs.getLong("amount_due_minor"), currency));
        return new RegisteredGrant(
                rs.getString("asset_id"),
                grant,
                Optional.ofNullable(rs.getString("termination_reason")),
                Optional.ofNullable(rs.getString("open_licence_id")),
                due,
                Optional.ofNullable(rs.getString("cause_id")),
                instant(rs.getTimestamp("created_at")),
                rs.getLong("version"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Set<FieldOfUse> fields(Array array) throws SQLException {
        return strings(array).stream().map(FieldOfUse::new).collect(Collectors.toUnmodifiableSet());
    }

    static Set<Territory> territories(Array array) throws SQLException {
        return strings(array).stream().map(Territory::new).collect(Collectors.toUnmodifiableSet());
    }

    static String[] codes(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().toArray(String[]::new);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
