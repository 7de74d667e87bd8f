package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.Publications;
import org.techmarket.support.StatementCounting;

/**
 * What each request of a deal's settlement (the buyer funds escrow, the seller delivers, the buyer accepts) costs on
 * the server, in SQL statements from the first filter to the response, and that each step's notices are committed
 * with the step: they are in the inbox when the step answers, and no event publication was recorded to file them
 * later. Each step answers with the deal as the step left it, without reading the deal and its terms again; the answer
 * is the deal's view as a read afterwards gives it. The bounds are today's counts; a change that adds a statement to a
 * step fails here and has to say why.
 */
@Import(StatementCounting.Configuration.class)
class DealSettlementStatementsIT extends DealIntegrationTest {

    /**
     * The buyer's funding with an {@code Idempotency-Key}: the key, the deal locked, its payment terms and brokers in
     * one read, the deposit captured and the rest moved into escrow in one ledger posting (the hold locked, the
     * accounts locked, one journal statement that updates the hold too), the step recorded with its notice and feed entry (the
     * venue is the deal's, no listing read), its history row and the ledger's three audit events and the step's in one
     * statement, the deal's history, signatures, documents and grants in one statement (the escrow's balance is what
     * the step moved in), the answer kept.
     */
    private static final int FUNDING = 18;

    /**
     * The seller's delivery: the deal locked, its payment terms for the acceptance period, its documents, the step's
     * history row and audit event in one statement, its notice and feed entry (the venue is the deal's, no listing
     * read), the deal's view in one round trip (its particulars and the escrow's balance, ADR 0117).
     */
    private static final int DELIVERY = 11;

    /**
     * The buyer's acceptance: the payment terms and brokers read once, the venue's fee terms once, the rights passed
     * in the registry (the asset and its owners read once under the registry's lock for the grant, and once more by
     * the asset registry as it records the assignment; the open-licence declaration once; the grant's audit event held
     * back to go with the assignment's), two steps (accepted, completed) recorded with their notices (both steps' in
     * one statement), their history and audit events in one statement, escrow paid out after them in one statement
     * that appends the payout's audit event, locks the accounts (creating the seller's and the venue's on their first
     * credit), applies the posting rules and writes the journal, as the last write but the feed's entries (both steps'
     * in one statement, written without reading the listing), the deal's view in one statement (the escrow's balance
     * is what the payout left; a completed deal has no cancellation proposal to look for).
     */
    private static final int ACCEPTANCE = 36;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void eachSettlementRequestCostsABoundedNumberOfStatementsAndCommitsItsNoticesWithIt() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(5_000_00, 1_000_00);
        kit.signByBoth(sale);

        List<String> funding = step(sale, "funding", sale.buyer(), Map.of());
        assertThat(noticesOf(sale)).contains("deal.delivery-due");
        List<String> delivery = step(
                sale,
                "delivery",
                sale.seller(),
                Map.of("documents", List.of(Map.of("sha256", "ab".repeat(32), "description", "Assignment deed"))));
        assertThat(noticesOf(sale)).contains("deal.acceptance-due");
        List<String> acceptance = step(sale, "acceptance", sale.buyer(), Map.of());
        assertThat(kit.deal(sale).path("status").asString()).isEqualTo("COMPLETED");

        String funded = StatementCounting.report("funding", funding);
        String delivered = StatementCounting.report("delivery", delivery);
        String accepted = StatementCounting.report("acceptance", acceptance);
        System.out.println(funded + "\n" + delivered + "\n" + accepted);
        assertThat(funding).as(funded).hasSizeLessThanOrEqualTo(FUNDING);
        assertThat(delivery).as(delivered).hasSizeLessThanOrEqualTo(DELIVERY);
        assertThat(acceptance).as(accepted).hasSizeLessThanOrEqualTo(ACCEPTANCE);
        assertThat(afterTheAccountsAreLocked(acceptance))
                .as("the payout locks the seller's and the venue's accounts after the step's other writes, notices and"
                        + " audit events; only the posting and the feed's entries follow until the commit\n" + accepted)
                .isNotEmpty()
                .allMatch(sql -> sql.contains("ledger_account")
                        || sql.contains("from ledger_post_all(")
                        || sql.startsWith("with balances as")
                        || sql.contains("venue_public_event"));
        assertThat(jdbc.sql("select e.venue_id || ' ' || e.type from venue_public_event e where e.subject = ?"
                                + " order by e.seq")
                        .param("deal:" + sale.dealId())
                        .query(String.class)
                        .list())
                .as(
                        "each step is in the feed under its listing's venue, which the step named without reading the listing")
                .endsWith(
                        feedEntry(sale, "DealFunded"),
                        feedEntry(sale, "DeliveryRecorded"),
                        feedEntry(sale, "DeliveryAccepted"),
                        feedEntry(sale, "DealCompleted"));
        assertThat(funding)
                .as("funding's and the ledger's audit events are appended by the step's history statement\n" + funded)
                .noneMatch(sql -> sql.contains("insert into audit_event"));
        assertThat(delivery)
                .as("the delivery's audit event is appended by the step's history statement\n" + delivered)
                .noneMatch(sql -> sql.contains("insert into audit_event"));
        assertThat(acceptance.subList(
                        acceptance.indexOf(acceptance.stream()
                                .filter(sql -> sql.contains("insert into deal_history"))
                                .findFirst()
                                .orElseThrow()),
                        acceptance.size()))
                .as("the steps' audit events are appended by their history statement and the payout's by the payout's"
                        + " statement, neither by an insert of its own\n" + accepted)
                .noneMatch(sql -> sql.contains("insert into audit_event"));
        assertThat(jdbc.sql("select e.type from audit_event e where e.id > (select max(f.id) from audit_event f"
                                + " where f.subject = ? and f.type = 'DeliveryRecorded') order by e.id")
                        .param("deal:" + sale.dealId())
                        .query(String.class)
                        .list())
                .as("the acceptance's events in the log in the order the step recorded them: the grant's, the"
                        + " deal's two steps', then the payout's")
                .containsSubsequence("GrantRecorded", "DeliveryAccepted", "DealCompleted", "TransfersPosted");
        assertThat(delivery)
                .as("the delivery's feed entry is one statement\n" + delivered)
                .filteredOn(sql -> sql.contains("venue_public_event"))
                .hasSize(1);
        assertThat(acceptance)
                .as("the acceptance's two steps go into the feed in one statement\n" + accepted)
                .filteredOn(sql -> sql.contains("venue_public_event"))
                .hasSize(1);
        assertThat(Publications.of(jdbc, DealStepTaken.class, sale.dealId()))
                .as("a deal's steps, delivered after they commit")
                .isEmpty();
    }

    @Test
    void aStepRefusedFilesNoNotice() throws Exception {
        DealKit.Sale sale = kit.awardedAssignment(5_000_00, 1_000_00);
        kit.signByBoth(sale);
        List<String> before = noticesOf(sale);

        StatementCounting.Counted refused = StatementCounting.send(post(sale, "acceptance", sale.buyer(), Map.of()));

        assertThat(refused.response().statusCode())
                .as(refused.response().body())
                .isEqualTo(409);
        assertThat(noticesOf(sale)).isEqualTo(before);
    }

    /**
     * The statements from the first lock of ledger accounts to the commit: those before the answer's view, the one
     * statement the step runs after it commits (its read starts with the deal's history).
     */
    private static List<String> afterTheAccountsAreLocked(List<String> statements) {
        int locked = -1;
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            if ((sql.startsWith("select id, balance from ledger_account") || sql.contains("from ledger_post_all("))
                    && locked < 0) {
                locked = i;
            }
        }
        if (locked < 0) {
            return List.of();
        }
        return statements.subList(locked, statements.size() - 1);
    }

    private List<String> step(DealKit.Sale sale, String step, Org party, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = post(sale, step, party, body);
        if (step.equals("funding")) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        StatementCounting.Counted counted = StatementCounting.send(request);
        assertThat(counted.response().statusCode())
                .as(counted.response().body())
                .isEqualTo(200);
        assertThat(Api.JSON.readTree(counted.response().body()))
                .as("the " + step + " step's answer is the deal as read afterwards")
                .isEqualTo(kit.deal(sale));
        return counted.statements();
    }

    private HttpRequest.Builder post(DealKit.Sale sale, String step, Org party, Map<String, ?> body) throws Exception {
        return HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/deals/" + sale.dealId() + "/" + step))
                .header("Authorization", "Bearer " + party.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
    }

    private static String feedEntry(DealKit.Sale sale, String type) {
        return sale.award().venueId() + " " + type;
    }

    private List<String> noticesOf(DealKit.Sale sale) {
        return jdbc.sql("select kind from notification where subject_id = ? order by created_at, kind")
                .param(sale.dealId())
                .query(String.class)
                .list();
    }
}
