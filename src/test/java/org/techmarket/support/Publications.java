package org.techmarket.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the event registry recorded to deliver after a commit: the listeners of an event that names a subject. */
public final class Publications {

    private Publications() {}

    /** The listeners a publication of {@code event} naming {@code subjectId} was recorded for, one per publication. */
    public static List<String> of(JdbcClient jdbc, Class<?> event, String subjectId) {
        return jdbc.sql("select listener_id from event_publication where event_type = ? and serialized_event like ?")
                .params(event.getName(), "%" + subjectId + "%")
                .query(String.class)
                .list();
    }
}
