package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.demand.application.DemandDeadlines;
import org.techmarket.search.SearchDocument;
import org.techmarket.search.SearchSource;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Technology needs: posted by verified organizations, published, read as their visibility allows, ended once. */
class NeedsIT extends IntegrationTest {

    @Autowired
    DemandDeadlines deadlines;

    @Autowired
    List<SearchSource> sources;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVerifiedOrganizationPostsPublishesAndFulfilsANeed() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        AuditTrail audit = new AuditTrail(api, ADMIN_TOKEN);
        long head = audit.head();

        String id = market.post("/api/v1/needs", poster, DemandMarket.need("Solid-state electrolyte", "PUBLIC"));
        assertThat(api.get("/api/v1/needs/" + id, null).status())
                .as("a draft is its poster's alone")
                .isEqualTo(404);
        Api.Response draft = api.get("/api/v1/needs/" + id, poster.token());
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.json().path("ipc").get(0).asString()).isEqualTo("H01M 10/0562");
        assertThat(draft.json().path("budget").path("max").path("amount").asString())
                .isEqualTo("1000000.00");

        Api.Response published = api.post("/api/v1/needs/" + id + "/publication", poster.token(), Map.of());
        assertThat(published.text("status")).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/v1/needs/" + id, null).text("status")).isEqualTo("PUBLISHED");

        Api.Response fulfilled = api.post("/api/v1/needs/" + id + "/fulfilment", poster.token(), Map.of());
        assertThat(fulfilled.text("status")).isEqualTo("FULFILLED");
        Api.Response again = api.post("/api/v1/needs/" + id + "/closure", poster.token(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");

        assertThat(audit.types(head, "need:" + id)).containsExactly("NeedDrafted", "NeedPublished", "NeedFulfilled");
    }

    @Test
    void verifiedOnlyNeedsAreHiddenFromAnonymousAndUnverifiedReaders() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org verified = fixtures.verifiedOrg("UNIVERSITY");
        Org pending = fixtures.registerOrg("UNIVERSITY");
        String open = market.publish("/api/v1/needs", poster, DemandMarket.need("Open need", "PUBLIC"));
        String closed = market.publish("/api/v1/needs", poster, DemandMarket.need("Verified need", "VERIFIED_ONLY"));

        for (String token : new String[] {null, pending.token()}) {
            assertThat(api.get("/api/v1/needs/" + open, token).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/needs/" + closed, token).status()).isEqualTo(404);
            assertThat(ids(api.get("/api/v1/needs?organizationId=" + poster.id(), token)))
                    .containsExactly(open);
        }
        assertThat(api.get("/api/v1/needs/" + closed, verified.token()).status())
                .isEqualTo(200);
        assertThat(ids(api.get("/api/v1/needs?organizationId=" + poster.id(), verified.token())))
                .containsExactly(closed, open);
        assertThat(ids(api.get("/api/v1/needs?organizationId=" + poster.id(), ADMIN_TOKEN)))
                .containsExactly(closed, open);
    }

    @Test
    void theListPagesByCursorAndFilters() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(0, market.publish("/api/v1/needs", poster, DemandMarket.need("Need " + i, "PUBLIC")));
        }
        Map<String, Object> quantum = DemandMarket.need("Quantum key distribution terminal", "PUBLIC");
        quantum.put("industries", List.of("QUANTUM_INFORMATION"));
        quantum.put("region", "110000");
        String qkd = market.post("/api/v1/needs", poster, quantum);

        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            Api.Response page =
                    api.get("/api/v1/needs?status=PUBLISHED&limit=2&organizationId=" + poster.id() + cursor, null);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            seen.addAll(ids(page));
            cursor = page.json().path("nextCursor").isNull() ? null : "&cursor=" + page.text("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(posted);

        String mine = "/api/v1/needs?organizationId=" + poster.id();
        assertThat(ids(api.get(mine + "&industry=QUANTUM_INFORMATION", poster.token())))
                .containsExactly(qkd);
        assertThat(ids(api.get(mine + "&region=110000", poster.token()))).containsExactly(qkd);
        assertThat(ids(api.get(mine + "&region=440000", poster.token()))).containsExactlyElementsOf(posted);
        assertThat(ids(api.get(mine + "&status=DRAFT", poster.token()))).containsExactly(qkd);
        assertThat(ids(api.get(mine + "&kind=CHALLENGE", poster.token()))).isEmpty();
        assertThat(api.get("/api/v1/needs?region=44", null).code()).isEqualTo("UNKNOWN_REGION");
        assertThat(api.get("/api/v1/needs?status=OPEN", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/needs?limit=0", null).code()).isEqualTo("INVALID_LIMIT");
        assertThat(api.get("/api/v1/needs?cursor=!!!", null).code()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void badNeedsAreRefusedWithTheirCodeAndChangeNothing() {
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org pending = fixtures.registerOrg("ENTERPRISE");
        Map<String, String> cases = new HashMap<>();
        cases.put("budget", "INVALID_BUDGET");
        cases.put("industries", "UNKNOWN_INDUSTRY");
        cases.put("region", "UNKNOWN_REGION");
        cases.put("visibility", "INVALID_VISIBILITY");
        cases.put("deadline", "DATE_IN_PAST");
        cases.put("title", "VALIDATION_FAILED");
        cases.put("ipc", "INVALID_IPC");
        cases.put("reward", "VALIDATION_FAILED");
        Map<String, Object> bad = Map.of(
                "budget", Map.of("min", DemandMarket.yuan("10"), "max", DemandMarket.yuan("5")),
                "industries", List.of("COAL"),
                "region", "999999",
                "visibility", "FRIENDS",
                "deadline", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "title", " ",
                "ipc", List.of("not a code"),
                "reward", DemandMarket.yuan("10"));
        cases.forEach((field, code) -> {
            Map<String, Object> body = DemandMarket.need(DemandMarket.unique("Bad"), "PUBLIC");
            body.put(field, bad.get(field));
            Api.Response refused = api.post("/api/v1/needs", poster.token(), body);
            assertThat(refused.status()).as(field + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).as(field).isEqualTo(code);
        });
        Api.Response unverified =
                api.post("/api/v1/needs", pending.token(), DemandMarket.need("Pending's need", "PUBLIC"));
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/needs", null, DemandMarket.need("Anonymous", "PUBLIC"))
                        .status())
                .isEqualTo(401);
        assertThat(ids(api.get("/api/v1/needs?organizationId=" + poster.id(), poster.token())))
                .isEmpty();
    }

    @Test
    void anotherOrganizationCannotStepOnANeed() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org other = fixtures.verifiedOrg("ENTERPRISE");
        String id = market.post("/api/v1/needs", poster, DemandMarket.need("Mine", "PUBLIC"));
        for (String step : List.of("publication", "closure", "fulfilment")) {
            Api.Response refused = api.post("/api/v1/needs/" + id + "/" + step, other.token(), Map.of());
            assertThat(refused.status()).as(step).isEqualTo(404);
        }
        assertThat(api.post("/api/v1/needs/nope/publication", poster.token(), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/needs/" + id, poster.token()).text("status"))
                .isEqualTo("DRAFT");
    }

    @Test
    void aPublishedNeedExpiresAtItsDeadlineOnce() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Instant deadline = Instant.now().plus(1, ChronoUnit.HOURS);
        Map<String, Object> body = DemandMarket.need("Expiring need", "PUBLIC");
        body.put("deadline", deadline.toString());
        String id = market.publish("/api/v1/needs", poster, body);

        deadlines.expireDue(deadline.minusSeconds(1));
        assertThat(api.get("/api/v1/needs/" + id, null).text("status")).isEqualTo("PUBLISHED");
        assertThat(deadlines.expireDue(deadline.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/needs/" + id, null).text("status")).isEqualTo("EXPIRED");
        assertThat(deadlines.expireDue(deadline.plusSeconds(2))).isZero();
    }

    @Test
    void publishedNeedsAndChallengesAreSearchableAndAnnounceTheirChanges() {
        DemandMarket market = new DemandMarket(api);
        Org poster = fixtures.verifiedOrg("ENTERPRISE");
        Org judge = fixtures.verifiedOrg("UNIVERSITY");
        fixtures.cashIn(poster, "1000000");
        String need = market.publish("/api/v1/needs", poster, DemandMarket.need("Searchable need", "VERIFIED_ONLY"));
        String challenge = market.publish(
                "/api/v1/challenges", poster, DemandMarket.challenge("Searchable challenge", List.of(judge.adminId())));
        String draft = market.post("/api/v1/needs", poster, DemandMarket.need("Draft need", "PUBLIC"));
        List<String> all = List.of(need, challenge, draft);

        assertThat(jdbc.sql("select distinct id || ' ' || type from search_change where id = any(?)")
                        .param(all.toArray(String[]::new))
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(need + " need", challenge + " challenge", draft + " need");
        SearchSource needs = source("need");
        SearchSource challenges = source("challenge");
        assertThat(needs.documents(all)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(need);
            assertThat(d.title()).isEqualTo("Searchable need");
            assertThat(d.province()).isEqualTo("440000");
            assertThat(d.visibility()).isEqualTo("VERIFIED_ONLY");
            assertThat(d.ipc()).containsExactly("H01M 10/0562");
            assertThat(d.price()).isEqualTo(1_000_000_00L);
        });
        assertThat(challenges.documents(all)).extracting(SearchDocument::id).containsExactly(challenge);
        assertThat(needs.ids(null, 100_000)).contains(need).doesNotContain(draft, challenge);
        assertThat(challenges.ids(null, 100_000)).contains(challenge).doesNotContain(need);

        api.post("/api/v1/needs/" + need + "/closure", poster.token(), Map.of());
        assertThat(needs.documents(List.of(need)))
                .as("a closed need leaves the index")
                .isEmpty();
    }

    private SearchSource source(String type) {
        return sources.stream().filter(s -> s.type().equals(type)).findFirst().orElseThrow();
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
