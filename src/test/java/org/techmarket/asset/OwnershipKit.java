package org.techmarket.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** Patents, listings, grants and open licences for the ownership tests, through the HTTP API. */
final class OwnershipKit {

    static final String EVIDENCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final Api api;
    private final JdbcClient jdbc;

    OwnershipKit(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** The types of the audit events about the asset, oldest first. */
    List<String> audited(String assetId) {
        return jdbc.sql("select type from audit_event where subject = ? order by id")
                .param("asset:" + assetId)
                .query(String.class)
                .list();
    }

    /** A patent body owned by {@code owners} as organization id → share. */
    static Map<String, Object> patent(String patentNumber, Map<String, String> owners) {
        Map<String, Object> asset = new LinkedHashMap<>(
                Fixtures.patentAsset(owners.keySet().iterator().next(), patentNumber));
        asset.put(
                "owners",
                owners.entrySet().stream()
                        .map(e -> Map.of("organizationId", e.getKey(), "share", e.getValue()))
                        .toList());
        return asset;
    }

    Api.Response register(Org by, Map<String, Object> asset) {
        return api.post("/api/v1/assets", by.token(), asset);
    }

    String registered(Org by, Map<String, Object> asset) {
        Api.Response created = register(by, asset);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.text("id");
    }

    Api.Response asset(String id) {
        return api.get("/api/v1/assets/" + id, null);
    }

    /** Drafts a fixed-price assignment listing of the asset and submits it; returns the submission's answer. */
    Api.Response list(Org seller, String assetId) {
        Api.Response draft = draft(seller, assetId);
        return api.post("/api/v1/listings/" + draft.text("id") + "/submission", seller.token(), Map.of());
    }

    Api.Response draft(Org seller, String assetId) {
        Api.Response draft = tryDraft(seller, assetId);
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        return draft;
    }

    Api.Response tryDraft(Org seller, String assetId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "FIXED_PRICE");
        mechanism.put("startPrice", Map.of("amount", "1000.00", "currency", "CNY"));
        mechanism.put("deposit", Map.of("amount", "0.00", "currency", "CNY"));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(Duration.ofHours(1)).toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assetIds", List.of(assetId));
        body.put("offer", Map.of("type", "ASSIGNMENT"));
        body.put("mechanism", mechanism);
        body.put("title", "A contested patent");
        body.put("description", "Offered by its owner of record.");
        return api.post("/api/v1/listings", seller.token(), body);
    }

    /** Lists the asset through to OPEN; returns the listing id. */
    String published(Org seller, String assetId) {
        Api.Response submitted = list(seller, assetId);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        String id = submitted.text("id");
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    /** A non-exclusive licence to {@code grantee} over a year from today. */
    Api.Response license(Org by, String assetId, String granteeId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "NON_EXCLUSIVE_LICENCE");
        body.put("granteeId", granteeId);
        body.put(
                "scope",
                Map.of(
                        "fields",
                        List.of("*"),
                        "territories",
                        List.of("CN"),
                        "start",
                        today.toString(),
                        "end",
                        today.plusYears(1).toString()));
        body.put("sublicensable", false);
        body.put("pledgeeConsent", false);
        return api.post("/api/v1/assets/" + assetId + "/grants", by.token(), body);
    }

    /** The whole asset assigned to {@code assignee} from today. */
    Api.Response assign(Org by, String assetId, String assigneeId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ASSIGNMENT");
        body.put("granteeId", assigneeId);
        body.put(
                "scope",
                Map.of(
                        "fields",
                        List.of("*"),
                        "territories",
                        List.of("WORLD"),
                        "start",
                        today.toString(),
                        "end",
                        today.plusYears(10).toString()));
        body.put("sublicensable", false);
        body.put("pledgeeConsent", false);
        return api.post("/api/v1/assets/" + assetId + "/grants", by.token(), body);
    }

    Api.Response declareOpenLicence(Org by, String assetId) {
        return api.put(
                "/api/v1/assets/" + assetId + "/open-licence",
                by.token(),
                Map.of(
                        "royalty",
                        Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "100.00", "currency", "CNY")),
                        "termMonths",
                        12),
                null);
    }

    Api.Response confirm(Org by, String assetId) {
        return api.post("/api/v1/assets/" + assetId + "/co-ownership/confirmation", by.token(), Map.of());
    }

    Api.Response decline(Org by, String assetId) {
        return api.post("/api/v1/assets/" + assetId + "/co-ownership/rejection", by.token(), Map.of());
    }

    Api.Response contest(Org by, String assetId, Object body) {
        return api.post("/api/v1/assets/" + assetId + "/ownership-disputes", by.token(), body);
    }

    static Map<String, Object> claim() {
        return Map.of(
                "statement",
                "We filed this application; the registrant is not its owner.",
                "evidence",
                List.of(EVIDENCE));
    }

    Api.Response decide(String token, String disputeId, String outcome, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        return api.post("/api/v1/ownership-disputes/" + disputeId + "/decision", token, body);
    }
}
