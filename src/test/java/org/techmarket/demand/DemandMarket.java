package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Role;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;

/** The demand tests' shared steps: bodies of needs, challenges and proposals, posting, publishing, balances. */
public final class DemandMarket {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final Api api;

    DemandMarket(Api api) {
        this.api = api;
    }

    public static Map<String, Object> need(String title, String visibility) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("title", title);
        need.put("description", "We need a sulfide solid-state electrolyte for lithium batteries, 固态电解质.");
        need.put("industries", List.of("NEW_ENERGY_STORAGE"));
        need.put("ipc", List.of("H01M 10/0562"));
        need.put("region", "440300");
        need.put("budget", Map.of("min", yuan("100000"), "max", yuan("1000000")));
        need.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        need.put("visibility", visibility);
        return need;
    }

    /** A challenge with a reward of 1,000,000 yuan, two milestones (400k, 600k), two criteria and this panel. */
    public static Map<String, Object> challenge(String title, List<String> panel) {
        Map<String, Object> challenge = need(title, "PUBLIC");
        challenge.put("reward", yuan("1000000"));
        challenge.put(
                "milestones",
                List.of(
                        Map.of(
                                "title",
                                "Prototype cell",
                                "deliverable",
                                "A 10 Ah pouch cell and its test report",
                                "amount",
                                yuan("400000"),
                                "dueDate",
                                TODAY.plusDays(40).toString()),
                        Map.of(
                                "title",
                                "Pilot line",
                                "deliverable",
                                "A pilot line producing 1,000 cells",
                                "amount",
                                yuan("600000"),
                                "dueDate",
                                TODAY.plusDays(80).toString())));
        challenge.put("eligibility", "Verified universities, institutes and enterprises");
        challenge.put(
                "criteria", List.of(Map.of("name", "technology", "weight", 70), Map.of("name", "team", "weight", 30)));
        challenge.put("panel", panel);
        return challenge;
    }

    public static Map<String, Object> proposal(String yuan) {
        return Map.of(
                "summary",
                "Argyrodite electrolyte with a 12 mS/cm conductivity",
                "plan",
                "Scale the synthesis in six months, then a pilot line",
                "price",
                yuan(yuan),
                "team",
                List.of("Prof. Wang", "Dr. Chen"));
    }

    static Map<String, String> yuan(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** Posts the body at the path as a draft; its id. */
    String post(String path, Org poster, Map<String, Object> body) {
        Api.Response posted = api.post(path, poster.token(), body);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        assertThat(posted.text("status")).isEqualTo("DRAFT");
        return posted.text("id");
    }

    /** Posts and publishes; its id. */
    String publish(String path, Org poster, Map<String, Object> body) {
        String id = post(path, poster, body);
        Api.Response published = api.post("/api/v1/needs/" + id + "/publication", poster.token(), Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");
        return id;
    }

    /** Submits a proposal; its id. */
    String propose(String challengeId, Org proposer, String yuan) {
        Api.Response proposed =
                api.post("/api/v1/challenges/" + challengeId + "/proposals", proposer.token(), proposal(yuan));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        return proposed.text("id");
    }

    /** An organization's CNY balances: [available, held] as decimal strings. */
    String[] balances(Org org) {
        return new Fixtures(api).balances(org);
    }

    /** The organization's admin as the application layer sees it, for steps a test runs on its own thread. */
    static Actor admin(Org org) {
        return new Actor(org.adminId(), org.username(), Role.ORG_ADMIN, Optional.of(org.id()), Optional.empty());
    }

    static String unique(String prefix) {
        return Fixtures.unique(prefix);
    }
}
