package org.techmarket.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.AuditTrail;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The market's record, as a regulator reads it: a university joins and is verified, registers a patent and is paid
 * money in; moments later each step is sealed into the hash chain with its type, actor and payload, every event
 * links to the one before, and the chain verifies up to its head. Operators and regulators read the log; members
 * of the market and strangers do not.
 */
class AuditStoryIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void whatTheMarketDoesIsSealedIntoAChainThatARegulatorVerifies() throws InterruptedException {
        String regulator = fixtures.regulator();
        AuditTrail audit = new AuditTrail(api, regulator);
        long before = audit.head();

        // Steps in three modules: the university joins and is verified, registers a patent, is paid money in.
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response patent = fixtures.registerAsset(
                university, Fixtures.patentAsset(university.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(patent.status()).as(patent.text()).isEqualTo(201);
        String bankReference = Fixtures.unique("ICBC");
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        university.id(),
                        "amount",
                        Map.of("amount", "250000.00", "currency", "CNY"),
                        "bankReference",
                        bankReference));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);

        // Moments after each commit the background sealer gives the event its place in the chain, with no reader
        // asking for it.
        String cashInSubject = "cash-in:" + cashIn.text("id");
        assertThat(sealedWithoutAReader(cashInSubject))
                .as("sealed in the background")
                .isTrue();

        // The regulator reads each step with its type, who did it, and what it was about.
        List<JsonNode> events = audit.after(before);
        assertThat(audit.types(before, "organization:" + university.id()))
                .containsExactly("OrganizationRegistered", "OrganizationVerified");
        assertThat(audit.types(before, "asset:" + patent.text("id"))).containsExactly("AssetRegistered");
        JsonNode registeredAsset = only(events, "asset:" + patent.text("id"));
        assertThat(registeredAsset.path("actor").asString()).isEqualTo("user:" + university.adminId());
        JsonNode paidIn = only(events, cashInSubject);
        assertThat(paidIn.path("type").asString()).isEqualTo("CashInRecorded");
        assertThat(paidIn.path("payload").path("organizationId").asString()).isEqualTo(university.id());
        assertThat(paidIn.path("payload").path("bankReference").asString()).isEqualTo(bankReference);
        assertThat(audit.types(before, "user:" + university.adminId())).contains("UserAdded", "TokenIssued");

        // Every event follows the one before it: dense sequences, each linking to the previous event's hash.
        JsonNode previous = null;
        for (JsonNode event : events) {
            assertThat(event.path("hash").asString()).hasSize(64);
            if (previous != null) {
                assertThat(event.path("sequence").asLong())
                        .isEqualTo(previous.path("sequence").asLong() + 1);
                assertThat(event.path("previousHash").asString())
                        .isEqualTo(previous.path("hash").asString());
            }
            previous = event;
        }
        assertThat(events.get(0).path("sequence").asLong()).isEqualTo(before + 1);

        // The chain verifies, and its head is the last event read (or a later one, as the market goes on).
        Api.Response verification = api.get("/api/v1/audit/verification", regulator);
        assertThat(verification.json().path("valid").asBoolean()).isTrue();
        assertThat(verification.json().path("firstBreak").isNull()).isTrue();
        long head = verification.json().path("events").asLong();
        assertThat(head).isGreaterThanOrEqualTo(previous.path("sequence").asLong());
        if (head == previous.path("sequence").asLong()) {
            assertThat(verification.text("headHash"))
                    .isEqualTo(previous.path("hash").asString());
        }

        // Operators read it too; the university, its members and strangers do not.
        assertThat(api.get("/api/v1/audit/events?after=" + before, ADMIN_TOKEN).status())
                .isEqualTo(200);
        for (String outsider : new String[] {
            university.token(), fixtures.verifiedOrg("ENTERPRISE").token()
        }) {
            Api.Response refused = api.get("/api/v1/audit/events", outsider);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN");
            assertThat(api.get("/api/v1/audit/verification", outsider).status()).isEqualTo(403);
        }
        Api.Response anonymous = api.get("/api/v1/audit/verification", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/events?after=-1", regulator).code()).isEqualTo("INVALID_PARAMETER");
    }

    /** Waits (up to ten seconds) for the event about {@code subject} to be sealed, without reading the log. */
    private boolean sealedWithoutAReader(String subject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<Long> sequence = Optional.ofNullable(jdbc.sql("select sequence from audit_event where subject = ?")
                    .param(subject)
                    .query(Long.class)
                    .list()
                    .get(0));
            if (sequence.isPresent()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static JsonNode only(List<JsonNode> events, String subject) {
        List<JsonNode> about = events.stream()
                .filter(e -> e.path("subject").asString().equals(subject))
                .toList();
        assertThat(about).hasSize(1);
        return about.get(0);
    }
}
