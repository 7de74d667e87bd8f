package org.techmarket.demand.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which organization each panel member belongs to, read from the participant registry's users (read-only, as
 * surveillance reads the market, ADR 0038): a panel member must be a user, and may not judge its own organization.
 */
@Repository
public class MarketUsers {

    private final JdbcClient jdbc;

    MarketUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users of these ids that exist, each with its organization ({@code ""} for operators and regulators). */
    public Map<String, String> organizations(Collection<String> userIds) {
        Map<String, String> result = new HashMap<>();
        jdbc.sql("select id, coalesce(organization_id, '') as organization_id from app_user where id = any(?)")
                .param(userIds.toArray(String[]::new))
                .query(rs -> {
                    result.put(rs.getString("id"), rs.getString("organization_id"));
                });
        return result;
    }
}
