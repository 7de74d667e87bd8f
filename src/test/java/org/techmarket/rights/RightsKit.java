package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** What the rights tests keep needing: verified organizations, patents, grant bodies and calls to the rights API. */
final class RightsKit {

    /** The server's today: its clock is UTC. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final Api api;
    private final Fixtures fixtures;

    RightsKit(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    Fixtures.Org verified(String type) {
        return fixtures.verifiedOrg(type);
    }

    /** A granted patent owned by {@code owner}, expiring in 2039, with {@code changes} applied to the defaults. */
    String patent(Fixtures.Org owner, Map<String, Object> changes) {
        Map<String, Object> asset = new HashMap<>(Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        asset.putAll(changes);
        Api.Response created = fixtures.registerAsset(owner, asset);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.text("id");
    }

    String patent(Fixtures.Org owner) {
        return patent(owner, Map.of());
    }

    /** Has {@code coOwner}, named as an owner of the asset, confirm its share. */
    void confirmCoOwnership(Fixtures.Org coOwner, String assetId) {
        Api.Response confirmed =
                api.post("/api/v1/assets/" + assetId + "/co-ownership/confirmation", coOwner.token(), Map.of());
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
    }

    /** A regulator's token. */
    String regulator() {
        String username = Fixtures.unique("regulator");
        Api.Response added = api.post(
                "/api/v1/staff",
                IntegrationTest.ADMIN_TOKEN,
                Map.of("username", username, "password", "regulator password", "role", "REGULATOR"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return fixtures.logIn(username, "regulator password");
    }

    /** A grant body: {@code fields} and {@code territories} are comma-separated. */
    static Map<String, Object> grant(
            String type, String granteeId, String fields, String territories, LocalDate start, LocalDate end) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("fields", List.of(fields.split(",")));
        scope.put("territories", List.of(territories.split(",")));
        scope.put("start", start.toString());
        scope.put("end", end.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("granteeId", granteeId);
        body.put("scope", scope);
        body.put("sublicensable", false);
        body.put("pledgeeConsent", false);
        return body;
    }

    /** A grant body over five years from today. */
    static Map<String, Object> grant(String type, String granteeId, String fields, String territories) {
        return grant(type, granteeId, fields, territories, TODAY, TODAY.plusYears(5));
    }

    /** {@code body} with {@code key} set to {@code value}. */
    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    Api.Response grant(Fixtures.Org by, String assetId, Map<String, Object> body) {
        return api.post("/api/v1/assets/" + assetId + "/grants", by.token(), body);
    }

    /** Grants and insists that it worked; returns the new grant's id. */
    String granted(Fixtures.Org by, String assetId, Map<String, Object> body) {
        Api.Response response = grant(by, assetId, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.text("id");
    }

    Api.Response check(String token, String assetId, Map<String, Object> body) {
        return api.post("/api/v1/assets/" + assetId + "/rights-check", token, body);
    }

    Api.Response terminate(String token, String grantId, String reason, LocalDate effectiveOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("effectiveOn", effectiveOn == null ? null : effectiveOn.toString());
        return api.post("/api/v1/grants/" + grantId + "/termination", token, body);
    }

    /** A lump-sum open licence over {@code termMonths} months, on all fields world-wide. */
    static Map<String, Object> lumpSumLicence(String amount, int termMonths) {
        return Map.of(
                "royalty",
                Map.of("type", "LUMP_SUM", "amount", Map.of("amount", amount, "currency", "CNY")),
                "termMonths",
                termMonths);
    }

    Api.Response declare(Fixtures.Org by, String assetId, Object body) {
        return api.put("/api/v1/assets/" + assetId + "/open-licence", by.token(), body, null);
    }

    Api.Response take(Fixtures.Org by, String assetId) {
        return api.post("/api/v1/assets/" + assetId + "/open-licence/licences", by.token(), Map.of());
    }

    /** The reasons of a 409 RIGHTS_CONFLICT or of a rights check, in order. */
    static List<String> reasons(Api.Response response) {
        return response.json().path("conflicts").findValuesAsString("reason");
    }
}
