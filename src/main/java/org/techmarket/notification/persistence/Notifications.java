package org.techmarket.notification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.techmarket.shared.ReadsTogether;

/**
 * The notification, notification_read and notice_filing tables: the notices filed for each organization (or one
 * user of it), who has read which, and which events have already been filed.
 */
@Repository
public class Notifications {

    /** A notice as filed for one recipient; {@code userId} is empty when it is for all the organization's users. */
    public record Filed(
            String id,
            String organizationId,
            Optional<String> userId,
            String kind,
            String subjectType,
            String subjectId,
            String summary,
            boolean inInbox,
            Instant createdAt) {}

    /** A notice as one user sees it in the inbox. */
    public record Seen(Filed notice, Optional<Instant> readAt) {
        public boolean unread() {
            return readAt.isEmpty();
        }
    }

    /** Where a page of the inbox starts: after this item in the order unread first, then newest. */
    public record After(boolean unread, Instant createdAt, String id) {}

    private static final String SEEN = """
            select n.id, n.organization_id, n.user_id, n.kind, n.subject_type, n.subject_id, n.summary, n.in_inbox,
                   n.created_at, r.read_at
              from notification n
              left join notification_read r on r.notification_id = n.id and r.user_id = :user
             where n.organization_id = :org and n.in_inbox and (n.user_id is null or n.user_id = :user)
            """;

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that the event under {@code eventKey} is being filed; false when it was filed before. */
    public boolean firstFiling(String eventKey, Instant at) {
        return jdbc.sql("insert into notice_filing (event_key, filed_at) values (?, ?) on conflict do nothing")
                        .params(eventKey, Timestamp.from(at))
                        .update()
                == 1;
    }

    /** A webhook that takes the kind of notice {@code filed}, the first filed for the webhook's organization. */
    public record Addressed(String webhookId, Filed filed) {}

    /**
     * Files the notices ({@code filed}: one row per recipient, of one or more notices, all at one time) and answers,
     * for each of {@code firsts} (the row of each notice filed first for its organization), the live webhooks of that
     * organization that take its kind, in the order of {@code firsts} and then of the webhooks' ids: one round trip
     * however many notices.
     */
    public List<Addressed> addAll(List<Filed> filed, List<Filed> firsts) {
        Map<String, Filed> byId = new HashMap<>();
        firsts.forEach(f -> byId.put(f.id(), f));
        return jdbc.sql("""
                        with filed as (
                            insert into notification (id, organization_id, user_id, kind, subject_type, subject_id,
                                                      summary, in_inbox, created_at)
                            select r.id, r.organization_id, r.user_id, r.kind, r.subject_type, r.subject_id, r.summary,
                                   r.in_inbox, cast(? as timestamptz)
                              from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                          cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as boolean[]))
                                   as r (id, organization_id, user_id, kind, subject_type, subject_id, summary,
                                         in_inbox))
                        select w.id, f.filed_id
                          from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]))
                               with ordinality as f (filed_id, organization_id, kind, n)
                          join webhook w on w.organization_id = f.organization_id and f.kind = any(w.events)
                         where w.removed_at is null
                         order by f.n, w.id
                        """)
                .params(
                        Timestamp.from(filed.get(0).createdAt()),
                        filed.stream().map(Filed::id).toArray(String[]::new),
                        filed.stream().map(Filed::organizationId).toArray(String[]::new),
                        filed.stream().map(f -> f.userId().orElse(null)).toArray(String[]::new),
                        filed.stream().map(Filed::kind).toArray(String[]::new),
                        filed.stream().map(Filed::subjectType).toArray(String[]::new),
                        filed.stream().map(Filed::subjectId).toArray(String[]::new),
                        filed.stream().map(Filed::summary).toArray(String[]::new),
                        filed.stream().map(Filed::inInbox).toArray(Boolean[]::new),
                        firsts.stream().map(Filed::id).toArray(String[]::new),
                        firsts.stream().map(Filed::organizationId).toArray(String[]::new),
                        firsts.stream().map(Filed::kind).toArray(String[]::new))
                .query((rs, n) -> new Addressed(rs.getString(1), byId.get(rs.getString(2))))
                .list();
    }

    /** A page of the user's inbox and how many notices in the whole inbox the user has not read. */
    public record InboxPage(List<Seen> rows, long unread) {}

    /**
     * Up to {@code limit} of the user's inbox, unread first, then newest, and the count of its unread notices, in one
     * statement: the count is the one row that is always there, the page's notices are joined to it (none: one row
     * without a notice).
     */
    public InboxPage inbox(String organizationId, String userId, Optional<After> after, int limit) {
        return jdbc.sql(inbox(after))
                .params(inboxParams(organizationId, userId, after, limit))
                .query((ResultSetExtractor<InboxPage>) Notifications::inbox);
    }

    /** As {@link #inbox(String, String, Optional, int)}, read with the other queries of {@code batch}. */
    public ReadsTogether.Later<InboxPage> inbox(
            String organizationId, String userId, Optional<After> after, int limit, ReadsTogether.Batch batch) {
        return batch.query(inbox(after), inboxParams(organizationId, userId, after, limit), Notifications::inbox);
    }

    private static String inbox(Optional<After> after) {
        String where = after.isPresent() ? " where ((read_at is null)::int, created_at, id) < (:unread, :at, :id)" : "";
        return "with seen as (" + SEEN + "), shown as (select * from seen" + where
                + " order by (read_at is null) desc, created_at desc, id desc limit :limit)"
                + " select shown.*, counted.unread_count from (select count(*) as unread_count from seen"
                + " where read_at is null) counted left join shown on true"
                + " order by (shown.read_at is null) desc, shown.created_at desc, shown.id desc";
    }

    private static Map<String, Object> inboxParams(
            String organizationId, String userId, Optional<After> after, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("org", organizationId);
        params.put("user", userId);
        params.put("limit", limit);
        after.ifPresent(cursor -> {
            params.put("unread", cursor.unread() ? 1 : 0);
            params.put("at", Timestamp.from(cursor.createdAt()));
            params.put("id", cursor.id());
        });
        return params;
    }

    private static InboxPage inbox(ResultSet rs) throws SQLException {
        long unread = 0;
        List<Seen> rows = new ArrayList<>();
        while (rs.next()) {
            unread = rs.getLong("unread_count");
            if (rs.getString("id") != null) {
                rows.add(seen(rs, rows.size()));
            }
        }
        return new InboxPage(rows, unread);
    }

    /**
     * The subjects ({@code type:id}) of the user's unread notices of one kind, in one statement that reads nothing
     * else of them, read with the other queries of {@code batch}.
     */
    public ReadsTogether.Later<Set<String>> unreadSubjects(
            String organizationId, String userId, String kind, ReadsTogether.Batch batch) {
        return batch.list(
                        UNREAD_SUBJECTS,
                        Map.of("org", organizationId, "user", userId, "kind", kind),
                        (rs, row) -> rs.getString(1))
                .map(HashSet::new);
    }

    private static final String UNREAD_SUBJECTS = "select seen.subject_type || ':' || seen.subject_id from (" + SEEN
            + " and n.kind = :kind) seen where seen.read_at is null";

    /** The notice if it is in the user's inbox. */
    public Optional<Seen> find(String id, String organizationId, String userId) {
        return jdbc.sql(SEEN + " and n.id = :id")
                .param("org", organizationId)
                .param("user", userId)
                .param("id", id)
                .query(Notifications::seen)
                .optional();
    }

    /** Marks the notice read by the user; a notice read before keeps its first reading. */
    public void markRead(String id, String userId, Instant at) {
        jdbc.sql("insert into notification_read (notification_id, user_id, read_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(id, userId, Timestamp.from(at))
                .update();
    }

    /** Marks everything unread in the user's inbox read; returns how many notices that was. */
    public int markAllRead(String organizationId, String userId, Instant at) {
        return jdbc.sql("insert into notification_read (notification_id, user_id, read_at) select seen.id, :user, :at"
                        + " from (" + SEEN + ") seen where seen.read_at is null on conflict do nothing")
                .param("org", organizationId)
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Seen seen(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Seen(
                new Filed(
                        rs.getString("id"),
                        rs.getString("organization_id"),
                        Optional.ofNullable(rs.getString("user_id")),
                        rs.getString("kind"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        rs.getString("summary"),
                        rs.getBoolean("in_inbox"),
                        rs.getTimestamp("created_at").toInstant()),
                Optional.ofNullable(read).map(Timestamp::toInstant));
    }
}
