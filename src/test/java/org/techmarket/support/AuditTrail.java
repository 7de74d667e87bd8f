package org.techmarket.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The audit log as an operator or a regulator reads it over the API: where it stands, and what came after. */
public final class AuditTrail {

    private final Api api;
    private final String token;

    public AuditTrail(Api api, String token) {
        this.api = api;
        this.token = token;
    }

    /** How many events the verified chain holds now: read events after this to see what a story adds. */
    public long head() {
        Api.Response verification = api.get("/api/v1/audit/verification", token);
        assertThat(verification.status()).as(verification.text()).isEqualTo(200);
        assertThat(verification.json().path("valid").asBoolean()).isTrue();
        return verification.json().path("events").asLong();
    }

    /** Every event sealed after sequence {@code after}, in order, read page by page. */
    public List<JsonNode> after(long after) {
        List<JsonNode> events = new ArrayList<>();
        Long next = after;
        while (next != null) {
            Api.Response page = api.get("/api/v1/audit/events?limit=200&after=" + next, token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().path("items").forEach(events::add);
            next = page.json().path("nextAfter").isNull()
                    ? null
                    : page.json().path("nextAfter").asLong();
        }
        return events;
    }

    /** The types of the events about {@code subject} sealed after sequence {@code after}, in order. */
    public List<String> types(long after, String subject) {
        return after(after).stream()
                .filter(e -> e.path("subject").asString().equals(subject))
                .map(e -> e.path("type").asString())
                .toList();
    }
}
