package org.techmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.financing.LoanKit.yuan;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.PageClient;
import org.techmarket.support.Race;
import tools.jackson.databind.JsonNode;

/**
 * The lender's enforcement authority over the sale of a defaulted loan's pledged patent: the owner does nothing, and
 * the lender signs the contract with its own key for the owner and records the delivery, so the sale completes and the
 * waterfall repays the lender. The authority reaches no other deal, takes effect only in default, ends with the loan
 * and cannot be revoked; a sale whose deal was cancelled no longer stands, and the lender lists again.
 */
class PledgeEnforcementIT extends LoanSaleTest {

    @LocalServerPort
    int serverPort;

    private static final Map<String, Object> DELIVERY = Map.of(
            "documents",
            List.of(Map.of("sha256", "ab".repeat(32), "description", "The patent's file and the assignment deed")));

    private static String deal(String id) {
        return "/api/v1/deals/" + id;
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(i -> i.path("id").asString())
                .toList();
    }

    @Test
    void theLenderSignsAndDeliversForAnOwnerWhoDoesNothingAndTheWaterfallRepaysIt() {
        long head = audit().head();
        Defaulted d = defaulted();
        Awarded sale = awardedAt(d, "80000.00");
        Fixtures.Org bank = kit.fresh(d.bank());
        Fixtures.Org firm = kit.fresh(d.firm());
        String path = deal(sale.dealId());
        assertThat(ids(api.get("/api/v1/deals?role=pledgee", bank.token()).json()))
                .containsExactly(sale.dealId());
        assertThat(api.get(path, bank.token()).status()).isEqualTo(200);

        Api.Response signed = api.post(path + "/signatures", bank.token(), Map.of());
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        assertThat(signed.text("organizationId")).isEqualTo(firm.id());
        assertThat(signed.text("pledgeeId")).isEqualTo(bank.id());
        assertThat(signed.text("pledgeeName")).isNotBlank();
        Api.Response verified = api.get(
                path + "/signatures/" + signed.text("id") + "/verification",
                sale.winner().token());
        assertThat(verified.json().path("valid").asBoolean()).isTrue();
        Api.Response ownerToo = api.post(path + "/signatures", firm.token(), Map.of());
        assertThat(ownerToo.status()).as(ownerToo.text()).isEqualTo(409);
        assertThat(ownerToo.code()).isEqualTo("ALREADY_SIGNED");

        assertThat(api.post(path + "/signatures", sale.winner().token(), Map.of())
                        .status())
                .isEqualTo(201);
        Api.Response funded = api.post(path + "/funding", sale.winner().token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        Api.Response notTheBuyers = api.post(path + "/acceptance", bank.token(), Map.of());
        assertThat(notTheBuyers.status()).as(notTheBuyers.text()).isEqualTo(404);
        Api.Response delivered = api.post(path + "/delivery", bank.token(), DELIVERY);
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        Api.Response accepted = api.post(path + "/acceptance", sale.winner().token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("COMPLETED");

        JsonNode loan = api.get("/api/v1/loans/" + d.loanId(), bank.token()).json();
        assertThat(loan.path("status").asString()).isEqualTo("SETTLED_BY_SALE");
        long owed = 6_000_000 + interestFen(loan);
        // 80,000.00 less the venue's 1% (800.00) is 79,200.00: the loan first, the rest to the firm.
        assertThat(fixtures.balances(bank)[0]).isEqualTo(yuan(owed));
        assertThat(fixtures.balances(firm)[0]).isEqualTo(yuan(7_920_000 - owed));
        String byBankForFirm = "user:" + bank.adminId() + " pledgee:" + bank.id() + " for:" + firm.id();
        assertThat(audit().after(head).stream()
                        .filter(e -> e.path("subject").asString().equals("deal:" + sale.dealId()))
                        .filter(e -> e.path("actor").asString().equals(byBankForFirm))
                        .map(e -> e.path("type").asString()))
                .containsExactly("ContractSigned", "DeliveryRecorded");

        Api.Response registered = api.post(path + "/registration", sale.winner().token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        PageClient buyersPages = new PageClient("http://localhost:" + serverPort);
        buyersPages.logIn(sale.winner().username(), sale.winner().password());
        PageClient.Page certificate = buyersPages.get("/deals/" + sale.dealId() + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.html())
                .contains("signed for the owner by the lender " + signed.text("pledgeeName") + " as pledgee")
                .contains("由质权人（贷款人）" + signed.text("pledgeeName") + "依借款合同代出质人签署");

        Api.Response settled = api.post(path + "/delivery", bank.token(), DELIVERY);
        assertThat(settled.status()).as(settled.text()).isEqualTo(403);
        assertThat(settled.code()).isEqualTo("PLEDGE_NOT_ENFORCEABLE");
    }

    @Test
    void theAuthorityReachesNoOtherDealNoOtherLenderAndNoTimeBeforeDefaultAndTheOwnerCannotRevokeIt() {
        Defaulted d = defaulted();
        Awarded sale = awardedAt(d, "70000.00");
        Fixtures.Org bank = kit.fresh(d.bank());
        Fixtures.Org firm = kit.fresh(d.firm());
        String path = deal(sale.dealId());

        Api.Response revoked =
                api.post("/api/v1/loans/" + d.loanId() + "/enforcement-authority/revocation", firm.token(), Map.of());
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(403);
        assertThat(revoked.code()).isEqualTo("ENFORCEMENT_AUTHORITY_IRREVOCABLE");
        assertThat(api.get("/api/v1/loans/" + d.loanId(), firm.token())
                        .json()
                        .path("enforcementAuthority")
                        .path("en")
                        .asString())
                .contains("irrevocably");

        // Another deal of the same owner: a service contract the firm proposed to a client.
        Fixtures.Org client = fixtures.verifiedOrg("ENTERPRISE");
        String other = deal(serviceContract(firm, client, "SERVICE", "A month of patent drafting"));
        refused(api.post(other + "/signatures", bank.token(), Map.of()), 403, "NOT_THE_PLEDGE_SALE");
        refused(api.post(other + "/delivery", bank.token(), DELIVERY), 403, "NOT_THE_PLEDGE_SALE");

        // Another lender, whose own loan to the firm is current, on the pledge sale; a lender to no one, 404.
        Fixtures.Org otherBank = kit.lenderWith("60000.00");
        kit.sixtyThousandOver(firm, otherBank, 6);
        refused(api.post(path + "/signatures", otherBank.token(), Map.of()), 403, "PLEDGE_NOT_ENFORCEABLE");
        refused(api.post(path + "/signatures", kit.lenderWith("1.00").token(), Map.of()), 404, "DEAL_NOT_FOUND");

        // Before default: the bank's current loan to another firm gives it nothing over that firm's deals.
        Fixtures.Org borrower = fixtures.verifiedOrg("ENTERPRISE");
        fixtures.cashIn(bank, "60000.00");
        kit.sixtyThousandOver(borrower, bank, 6);
        String borrowers = deal(serviceContract(borrower, client, "CONSULTING", "Advice on the pilot line"));
        refused(api.post(borrowers + "/signatures", bank.token(), Map.of()), 403, "PLEDGE_NOT_ENFORCEABLE");

        JsonNode untouched = api.get(path, firm.token()).json();
        assertThat(untouched.path("status").asString()).isEqualTo("SIGNING");
        assertThat(untouched.path("signatures")).isEmpty();
        assertThat(api.get(other, firm.token()).json().path("signatures")).isEmpty();
    }

    @Test
    void aSaleWhoseDealWasCancelledNoLongerStandsAndOneOfTwoSecondSalesCompletes() throws Exception {
        Defaulted d = defaulted();
        Awarded first = awardedAt(d, "70000.00");
        Fixtures.Org bank = kit.fresh(d.bank());
        refused(sell(bank, d.loanId(), "65000.00"), 409, "LOAN_SALE_EXISTS");

        Api.Response cancelled = api.post(
                deal(first.dealId()) + "/cancellation", ADMIN_TOKEN, Map.of("reason", "The owner will not sign"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");

        List<Api.Response> second = Race.race(2, i -> () -> sell(bank, d.loanId(), "65000.00"));
        assertThat(second).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        Api.Response listed =
                second.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
        Api.Response lost =
                second.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(lost.code()).isEqualTo("LOAN_SALE_EXISTS");

        Awarded again = awardedAt(d, listed.text("listingId"), "65000.00");
        fixtures.completeDeal(again.dealId(), kit.fresh(d.firm()), again.winner(), "The patent's file");
        Fixtures.Org repaid = kit.fresh(bank);
        JsonNode loan = api.get("/api/v1/loans/" + d.loanId(), repaid.token()).json();
        assertThat(loan.path("status").asString()).isEqualTo("SETTLED_BY_SALE");
        assertThat(loan.path("shortfall").path("amount").asString()).isEqualTo("0.00");
        assertThat(fixtures.balances(repaid)[0]).isEqualTo(yuan(6_000_000 + interestFen(loan)));
        refused(sell(repaid, d.loanId(), "65000.00"), 409, "LOAN_NOT_DEFAULTED");
    }

    @Test
    void aDefaultedSaleDealGivesWayToASecondSaleAndIsThenNoLongerOfferedToItsRunnerUp() {
        Defaulted d = defaulted();
        Api.Response first = sell(d.bank(), d.loanId(), "60000.00");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Awarded sale = awardedAt(d, first.text("listingId"), "61000.00", "60000.00");
        Api.Response walked = api.post(
                deal(sale.dealId()) + "/cancellation",
                sale.winner().token(),
                Map.of("reason", "The board did not approve the purchase"));
        assertThat(walked.status()).as(walked.text()).isEqualTo(200);
        assertThat(walked.text("status")).isEqualTo("DEFAULTED");

        Api.Response second = sell(kit.fresh(d.bank()), d.loanId(), "60000.00");
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        refused(
                api.post(
                        deal(sale.dealId()) + "/runner-up-offer",
                        kit.fresh(d.firm()).token(),
                        Map.of()),
                409,
                "PLEDGE_SALE_SUPERSEDED");
    }

    /** The id of a contract of {@code type} that {@code provider} proposed to {@code client}, 3,000.00 yuan. */
    private String serviceContract(Fixtures.Org provider, Fixtures.Org client, String type, String obligations) {
        Api.Response proposed = api.post(
                "/api/v1/deals",
                provider.token(),
                Map.of(
                        "type",
                        type,
                        "clientId",
                        client.id(),
                        "price",
                        Map.of("amount", "3000.00", "currency", "CNY"),
                        "deliveryObligations",
                        obligations));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        return proposed.text("id");
    }

    private static void refused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }
}
