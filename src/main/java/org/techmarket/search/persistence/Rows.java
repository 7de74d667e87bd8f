package org.techmarket.search.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the search sources share: reading text arrays and timestamps, and the ids page of a rebuild. */
final class Rows {

    private Rows() {}

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static String[] ids(Collection<String> ids) {
        return ids.toArray(String[]::new);
    }

    /** The province (GB/T 2260, {@code 440000}) of a region code such as {@code 440300}. */
    static String province(String region) {
        return region == null || region.length() < 2 ? null : region.substring(0, 2) + "0000";
    }

    /** Up to {@code limit} ids of {@code table} after {@code after} in ascending order, where {@code searchable}. */
    static List<String> idsAfter(JdbcClient jdbc, String table, String searchable, String after, int limit) {
        return jdbc.sql("select id from " + table + " where " + searchable
                        + " and (cast(:after as text) is null or id > :after) order by id limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
