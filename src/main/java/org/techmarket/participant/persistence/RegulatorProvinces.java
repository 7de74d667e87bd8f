package org.techmarket.participant.persistence;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provinces each limited regulator reads, and who recorded each staff user. */
@Repository
public class RegulatorProvinces {

    private final JdbcClient jdbc;

    RegulatorProvinces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The regulator's provinces; empty when it reads the whole market. One statement. */
    public Set<String> of(String userId) {
        return new TreeSet<>(jdbc.sql("select province from regulator_province where user_id = ?")
                .param(userId)
                .query(String.class)
                .list());
    }

    /** Replaces the regulator's provinces; none lifts the limit. */
    public void replace(String userId, Set<String> provinces) {
        jdbc.sql("delete from regulator_province where user_id = ?")
                .param(userId)
                .update();
        if (!provinces.isEmpty()) {
            jdbc.sql("insert into regulator_province (user_id, province) select ?, unnest(?::text[])")
                    .params(userId, provinces.stream().sorted().toArray(String[]::new))
                    .update();
        }
    }

    /** Notes that {@code recordedBy} added the staff user {@code userId}. */
    public void recordedBy(String userId, String recordedBy) {
        jdbc.sql("update app_user set recorded_by = ? where id = ?")
                .params(recordedBy, userId)
                .update();
    }

    /** Who added the staff user, when known; locks the user's row so that two limits set at once take turns. */
    public Optional<String> lockRecordedBy(String userId) {
        return jdbc.sql("select recorded_by from app_user where id = ? for update")
                .param(userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(o -> o);
    }
}
