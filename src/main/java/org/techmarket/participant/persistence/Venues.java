package org.techmarket.participant.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.participant.domain.Venue;

/** The venues table. */
@Repository
public class Venues {

    private final JdbcClient jdbc;

    Venues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Venue v, Instant at) {
        jdbc.sql("insert into venue (id, code, name, region, created_at) values (?, ?, ?, ?, ?)")
                .params(v.id(), v.code(), v.name(), v.region(), Timestamp.from(at))
                .update();
    }

    public Optional<Venue> findByCode(String code) {
        return jdbc.sql("select id, code, name, region from venue where code = ?")
                .param(code)
                .query((rs, n) -> new Venue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public List<Venue> all() {
        return jdbc.sql("select id, code, name, region from venue order by created_at, id")
                .query(Venues::map)
                .list();
    }

    public List<Venue> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, code, name, region from venue where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(Venues::map)
                .list();
    }

    private static Venue map(ResultSet rs, int row) throws SQLException {
        return new Venue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    public Optional<Venue> find(String id) {
        return jdbc.sql("select id, code, name, region from venue where id = ?")
                .param(id)
                .query((rs, n) -> new Venue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
