package org.techmarket.search.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/** Saved searches and the items each has been told of. */
@Repository
public class SavedSearches {

    private static final String COLUMNS =
            "s.id, s.user_id, s.organization_id, s.name, s.query, s.channel, s.created_at";

    private final JdbcClient jdbc;

    SavedSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved search: its query as canonical JSON of the search's parameters. */
    public record Saved(
            String id,
            String userId,
            String organizationId,
            String name,
            String query,
            String channel,
            Instant createdAt,
            boolean verified) {}

    public void insert(Saved s) {
        jdbc.sql("insert into saved_search (id, user_id, organization_id, name, query, channel, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.userId(),
                        s.organizationId(),
                        s.name(),
                        s.query(),
                        s.channel(),
                        Timestamp.from(s.createdAt()))
                .update();
    }

    public int countOf(String userId) {
        return jdbc.sql("select count(*) from saved_search where user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    /** The user's saved searches, oldest first. */
    public List<Saved> of(String userId) {
        return select(OF_USER, userId);
    }

    /** As {@link #of(String)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Saved>> of(String userId, ReadsTogether.Batch batch) {
        return batch.list(SELECT + OF_USER, List.of(userId), SavedSearches::saved);
    }

    private static final String OF_USER = "where s.user_id = ? order by s.created_at, s.id";

    public Optional<Saved> find(String id) {
        return select("where s.id = ?", id).stream().findFirst();
    }

    public boolean delete(String id) {
        return jdbc.sql("delete from saved_search where id = ?").param(id).update() == 1;
    }

    /** Every saved search, with whether its organization is verified now (it then finds VERIFIED_ONLY items). */
    public List<Saved> all() {
        return select("order by s.id");
    }

    /** An item a saved search has told of. */
    public record Match(String savedSearchId, String itemType, String itemId) {}

    /** The items each of the user's saved searches has told of, in one statement. */
    /** The items each of the user's saved searches has told of, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<List<Match>> matchesOf(String userId, ReadsTogether.Batch batch) {
        return batch.list(MATCHES_OF, List.of(userId), SavedSearches::match);
    }

    private static final String MATCHES_OF =
            "select m.saved_search_id, m.item_type, m.item_id from saved_search_match m"
                    + " join saved_search s on s.id = m.saved_search_id where s.user_id = ?"
                    + " order by m.matched_at, m.item_type, m.item_id";

    private static Match match(ResultSet rs, int row) throws SQLException {
        return new Match(rs.getString(1), rs.getString(2), rs.getString(3));
    }

    /** Records that the item matched the saved search; false when it had been recorded before (told once). */
    public boolean recordMatch(String savedSearchId, String itemType, String itemId, Instant at) {
        return jdbc.sql("insert into saved_search_match (saved_search_id, item_type, item_id, matched_at)"
                                + " values (?, ?, ?, ?) on conflict do nothing")
                        .params(savedSearchId, itemType, itemId, Timestamp.from(at))
                        .update()
                == 1;
    }

    private List<Saved> select(String where, Object... params) {
        return jdbc.sql(SELECT + where)
                .params(params)
                .query(SavedSearches::saved)
                .list();
    }

    private static final String SELECT = "select " + COLUMNS + ", o.status = 'VERIFIED' as verified"
            + " from saved_search s join organization o on o.id = s.organization_id ";

    private static Saved saved(ResultSet rs, int row) throws SQLException {
        return new Saved(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("organization_id"),
                rs.getString("name"),
                rs.getString("query"),
                rs.getString("channel"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("verified"));
    }
}
