package org.techmarket.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.rights.RightsKit.TODAY;
import static org.techmarket.rights.RightsKit.grant;
import static org.techmarket.rights.RightsKit.reasons;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** {@code POST /grants/{id}/termination}: ending a grant early frees its scope from the effective date. */
class RightsTerminationIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private RightsKit kit;
    private Fixtures.Org owner;
    private Fixtures.Org licensee;
    private String patent;
    private String exclusive;

    @BeforeEach
    void anExclusiveLicence() {
        kit = new RightsKit(api, fixtures);
        owner = kit.verified("UNIVERSITY");
        licensee = kit.verified("ENTERPRISE");
        patent = kit.patent(owner);
        exclusive = kit.granted(owner, patent, grant("EXCLUSIVE_LICENCE", licensee.id(), "G06N", "CN"));
    }

    @Test
    void theOwnerEndsALicenceEarlyAndItsScopeIsFreeFromThatDay() {
        Api.Response ended =
                kit.terminate(owner.token(), exclusive, "Licensee stopped production", TODAY.plusMonths(6));

        assertThat(ended.status()).as(ended.text()).isEqualTo(200);
        assertThat(ended.text("status")).isEqualTo("TERMINATED");
        assertThat(ended.text("terminatedFrom")).isEqualTo(TODAY.plusMonths(6).toString());
        assertThat(ended.text("terminationReason")).isEqualTo("Licensee stopped production");
        assertThat(ended.header("ETag")).isEqualTo("\"2\"");
        assertThat(jdbc.sql("select count(*) from audit_event where type = 'GrantTerminated' and subject = ?")
                        .param("grant:" + exclusive)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Fixtures.Org next = kit.verified("ENTERPRISE");
        Api.Response tooEarly = kit.grant(
                owner,
                patent,
                grant("EXCLUSIVE_LICENCE", next.id(), "G06N", "CN", TODAY.plusMonths(5), TODAY.plusYears(3)));
        assertThat(reasons(tooEarly)).containsExactly("EXCLUSIVE_OVERLAP");
        assertThat(kit.grant(
                                owner,
                                patent,
                                grant(
                                        "EXCLUSIVE_LICENCE",
                                        next.id(),
                                        "G06N",
                                        "CN",
                                        TODAY.plusMonths(6),
                                        TODAY.plusYears(3)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aTerminatedGrantCannotBeTerminatedAgain() {
        assertThat(kit.terminate(owner.token(), exclusive, "Ended by agreement", TODAY)
                        .status())
                .isEqualTo(200);

        Api.Response again = kit.terminate(owner.token(), exclusive, "Once more", TODAY.plusDays(1));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(api.get("/api/v1/grants/" + exclusive, owner.token()).text("terminatedFrom"))
                .isEqualTo(TODAY.toString());
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() throws Exception {
        Api.Response mismatch = terminateIfMatch(exclusive, "\"7\"");
        assertThat(mismatch.status()).isEqualTo(412);
        assertThat(mismatch.code()).isEqualTo("VERSION_MISMATCH");
        assertThat(mismatch.json().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(terminateIfMatch(exclusive, "soon").code()).isEqualTo("VERSION_MISMATCH");

        assertThat(terminateIfMatch(exclusive, "\"1\"").status()).isEqualTo(200);
        assertThat(terminateIfMatch(exclusive, "\"1\"").code()).isEqualTo("VERSION_MISMATCH");
    }

    @Test
    void badTerminationsAreRefusedAndChangeNothing() {
        assertRefused(
                kit.terminate(owner.token(), exclusive, "Too late", TODAY.minusDays(1)),
                400,
                "INVALID_TERMINATION_DATE");
        assertRefused(
                kit.terminate(owner.token(), exclusive, "After its end", TODAY.plusYears(5)),
                400,
                "INVALID_TERMINATION_DATE");
        assertRefused(kit.terminate(owner.token(), exclusive, "No date", null), 400, "INVALID_TERMINATION_DATE");
        assertRefused(kit.terminate(owner.token(), exclusive, "  ", TODAY), 400, "INVALID_REASON");
        assertRefused(kit.terminate(owner.token(), exclusive, "x".repeat(1001), TODAY), 400, "INVALID_REASON");
        assertRefused(
                api.post(
                        "/api/v1/grants/" + exclusive + "/termination",
                        owner.token(),
                        Map.of("reason", "r", "effectiveOn", "soon")),
                400,
                "INVALID_TYPE");
        assertRefused(kit.terminate(licensee.token(), exclusive, "I want out", TODAY), 403, "NOT_GRANTOR");
        assertRefused(
                kit.terminate(kit.verified("ENTERPRISE").token(), exclusive, "Not mine", TODAY), 404, "NOT_FOUND");
        assertRefused(kit.terminate(ADMIN_TOKEN, exclusive, "Operator says so", TODAY), 403, "NOT_GRANTOR");
        assertRefused(kit.terminate(owner.token(), "no-such-grant", "Gone", TODAY), 404, "NOT_FOUND");
        assertThat(api.get("/api/v1/grants/" + exclusive, owner.token()).text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void onlyThePledgeeEndsAPledgeAndNobodyUndoesAnAssignment() {
        Fixtures.Org bank = kit.verified("FINANCIAL_INSTITUTION");
        String pledge = kit.granted(owner, patent, grant("PLEDGE", bank.id(), "*", "WORLD"));
        assertRefused(kit.terminate(owner.token(), pledge, "Loan repaid", TODAY), 403, "NOT_GRANTOR");
        assertThat(kit.terminate(bank.token(), pledge, "Loan repaid", TODAY).status())
                .isEqualTo(200);

        Fixtures.Org buyer = kit.verified("ENTERPRISE");
        String assignment =
                kit.granted(owner, patent, grant("ASSIGNMENT", buyer.id(), "*", "WORLD", TODAY, TODAY.plusYears(10)));
        assertRefused(kit.terminate(buyer.token(), assignment, "Changed our mind", TODAY), 409, "ASSIGNMENT_FINAL");
    }

    @Test
    void aLicenseeEndsItsOwnSublicence() {
        String head = kit.granted(
                owner,
                patent,
                RightsKit.with(grant("NON_EXCLUSIVE_LICENCE", licensee.id(), "B25J", "CN"), "sublicensable", true));
        Fixtures.Org supplier = kit.verified("ENTERPRISE");
        String sub = kit.granted(
                licensee,
                patent,
                RightsKit.with(grant("NON_EXCLUSIVE_LICENCE", supplier.id(), "B25J", "440300"), "parentGrantId", head));

        assertRefused(kit.terminate(owner.token(), sub, "Not the owner's to end", TODAY), 403, "NOT_GRANTOR");
        assertThat(kit.terminate(licensee.token(), sub, "Supplier replaced", TODAY)
                        .status())
                .isEqualTo(200);
    }

    /** The {@code Api} helper sends no {@code If-Match} on POST, so this one call goes out by hand. */
    private Api.Response terminateIfMatch(String grantId, String ifMatch) throws Exception {
        String body = "{\"reason\":\"Ended by agreement\",\"effectiveOn\":\"%s\"}".formatted(TODAY.plusDays(1));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/grants/" + grantId + "/termination"))
                                .header("Authorization", "Bearer " + owner.token())
                                .header("Content-Type", "application/json")
                                .header("If-Match", ifMatch)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Api.Response(
                response.statusCode(), response.headers().map(), response.body(), Api.JSON.readTree(response.body()));
    }

    private void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).as(response.text()).isEqualTo(code);
    }
}
