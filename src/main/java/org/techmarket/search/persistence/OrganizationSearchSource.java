package org.techmarket.search.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchSource;

/**
 * Organizations as the index sees them: only verified ones are found, by name, with their type as the kind and their
 * region's province. Read in one statement over the participant tables (read only; ADR 0043).
 */
@Component
class OrganizationSearchSource implements SearchSource {

    static final String SEARCHABLE = "status = 'VERIFIED'";

    private final JdbcClient jdbc;

    OrganizationSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "organization";
    }

    @Override
    public List<SearchDocument> documents(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, type, region, status, created_at from organization where id = any(?) and "
                        + SEARCHABLE)
                .param(Rows.ids(ids))
                .query((rs, n) -> new SearchDocument(
                        type(),
                        rs.getString("id"),
                        rs.getString("name"),
                        null,
                        null,
                        List.of(),
                        Rows.province(rs.getString("region")),
                        rs.getString("type"),
                        null,
                        List.of(),
                        null,
                        null,
                        rs.getString("status"),
                        SearchDocument.PUBLIC,
                        rs.getString("id"),
                        Rows.instant(rs, "created_at")))
                .list();
    }

    @Override
    public List<String> ids(String after, int limit) {
        return Rows.idsAfter(jdbc, "organization", SEARCHABLE, after, limit);
    }
}
