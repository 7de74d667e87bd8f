package org.techmarket.participant.persistence;

import java.sql.Timestamp;
import java.time.Instant;
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

    public Optional<Venue> find(String id) {
        return jdbc.sql("select id, code, name, region from venue where id = ?")
                .param(id)
                .query((rs, n) -> new Venue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
