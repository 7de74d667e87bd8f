package org.techmarket.search.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchSource;

/**
 * Assets as the index sees them, read in one statement over the registry's tables (read only, as surveillance reads
 * the market; ADR 0043). A void registration (a co-owner declined) is not searchable; the province is the registering
 * organization's. The registry is public, so every asset is.
 */
@Component
class AssetSearchSource implements SearchSource {

    static final String SEARCHABLE = "registration <> 'DECLINED'";

    private final JdbcClient jdbc;

    AssetSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "asset";
    }

    @Override
    public List<SearchDocument> documents(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.id, a.kind, a.title, a.abstract, a.patent_number, a.ipc, a.industries,
                               a.legal_status, a.registered_by, a.created_at, o.region
                        from asset a join organization o on o.id = a.registered_by
                        where a.id = any(?) and a.""" + SEARCHABLE)
                .param(Rows.ids(ids))
                .query((rs, n) -> new SearchDocument(
                        type(),
                        rs.getString("id"),
                        rs.getString("title"),
                        rs.getString("abstract"),
                        rs.getString("patent_number"),
                        Rows.strings(rs.getArray("industries")),
                        Rows.province(rs.getString("region")),
                        rs.getString("kind"),
                        null,
                        Rows.strings(rs.getArray("ipc")),
                        null,
                        null,
                        rs.getString("legal_status"),
                        SearchDocument.PUBLIC,
                        rs.getString("registered_by"),
                        Rows.instant(rs, "created_at")))
                .list();
    }

    @Override
    public List<String> ids(String after, int limit) {
        return Rows.idsAfter(jdbc, "asset", SEARCHABLE, after, limit);
    }
}
