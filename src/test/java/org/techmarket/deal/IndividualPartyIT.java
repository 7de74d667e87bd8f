package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.deal.application.DealOpening;
import org.techmarket.ledger.AccountId;
import org.techmarket.ledger.Ledger;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Individuals as parties to technology contracts: an inventor buys a university's patent at a fixed price and the
 * deal names her as a natural person; another inventor licenses his patent to a company and the registration says
 * why his income does not qualify for the enterprise income tax relief. The full identity number appears only in
 * the contract text; every other answer masks it.
 */
class IndividualPartyIT extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    Ledger ledger;

    @Autowired
    DealOpening opening;

    @Autowired
    JdbcClient jdbc;

    /** A verified individual with funds, and the identity number she registered with. */
    record Person(Fixtures.Org org, String name, String identityNumber) {
        String masked() {
            return "*".repeat(14) + identityNumber.substring(14);
        }
    }

    @Test
    void anInventorBuysAPatentAtAFixedPriceSignsFundsAndOwnsIt() {
        long auditBefore = api.get("/api/v1/audit/verification", ADMIN_TOKEN)
                .json()
                .path("events")
                .asLong();
        // A university lists a granted patent's assignment at a fixed price of 80,000 yuan with a 1,000 yuan deposit.
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        String patent = patent(university);
        String listing = publish(university, patent, Map.of("type", "ASSIGNMENT"), fixedPrice("80000.00", "1000.00"));

        // An inventor registers as an individual with her identity number, is verified and pays in 100,000 yuan.
        Person inventor = verifiedPerson("林晓梅", "100000.00");
        String regulator = regulator();

        // She buys the listing; the deal opens with her as the assignee.
        Api.Response bought = api.post(
                "/api/v1/listings/" + listing + "/purchase", inventor.org().token(), Map.of());
        assertThat(bought.status()).as(bought.text()).isEqualTo(201);
        String dealId = dealOf(inventor.org(), "buyer");
        String path = "/api/v1/deals/" + dealId;
        Api.Response deal = api.get(path, inventor.org().token());
        assertThat(deal.status()).as(deal.text()).isEqualTo(200);
        JsonNode buyer = deal.json().path("buyer");
        assertThat(buyer.path("organizationId").asString())
                .isEqualTo(inventor.org().id());
        assertThat(buyer.path("name").asString()).isEqualTo("林晓梅");
        assertThat(buyer.path("identifierKind").asString()).isEqualTo("RESIDENT_ID");
        assertThat(buyer.path("identityNumber").asString()).isEqualTo(inventor.masked());
        assertThat(buyer.path("creditCode").isNull()).isTrue();
        JsonNode seller = deal.json().path("seller");
        assertThat(seller.path("identifierKind").asString()).isEqualTo("CREDIT_CODE");
        assertThat(seller.path("creditCode").asString()).hasSize(18);
        assertThat(seller.path("identityNumber").isNull()).isTrue();
        assertThat(deal.text()).doesNotContain(inventor.identityNumber());
        assertThat(api.get("/api/v1/deals?role=buyer", inventor.org().token()).text())
                .contains(inventor.masked())
                .doesNotContain(inventor.identityNumber());

        // The contract names her as a natural person with her full number, in both languages, under one hash.
        Api.Response zh = api.get(path + "/contract?lang=zh", university.token());
        Api.Response en = api.get(path + "/contract?lang=en", inventor.org().token());
        assertThat(zh.text("text"))
                .contains(
                        "受让人：林晓梅\n自然人，居民身份证号码：" + inventor.identityNumber() + "\n",
                        "统一社会信用代码：" + seller.path("creditCode").asString());
        assertThat(en.text("text"))
                .contains(
                        "Assignee: 林晓梅\nNatural person; resident identity card no.: " + inventor.identityNumber()
                                + "\n",
                        "Unified social credit code: "
                                + seller.path("creditCode").asString());
        assertThat(zh.text("hash"))
                .isEqualTo(en.text("hash"))
                .isEqualTo(deal.json().path("contract").path("hash").asString());
        // Operators and regulators read it too; anyone else is told there is no such deal.
        assertThat(api.get(path + "/contract?lang=zh", ADMIN_TOKEN).text("text"))
                .contains(inventor.identityNumber());
        assertThat(api.get(path + "/contract?lang=en", regulator).text("text")).contains(inventor.identityNumber());
        Fixtures.Org outsider = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response hidden = api.get(path + "/contract?lang=zh", outsider.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("DEAL_NOT_FOUND");

        // Both sign; she registers the contract, funds escrow; the university delivers and she accepts.
        assertThat(api.post(path + "/signatures", university.token(), Map.of()).status())
                .isEqualTo(201);
        Api.Response signed = api.post(path + "/signatures", inventor.org().token(), Map.of());
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        Api.Response registered =
                api.post(path + "/registration", inventor.org().token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.json().path("buyer").path("identityNumber").asString())
                .isEqualTo(inventor.masked());
        assertThat(registered.text("qualification")).isEqualTo("PATENT_ASSIGNMENT");
        assertThat(registered.text()).doesNotContain(inventor.identityNumber());
        assertThat(api.get("/api/v1/registrations/" + registered.text("number"), regulator)
                        .text())
                .contains(inventor.masked())
                .doesNotContain(inventor.identityNumber());

        Api.Response funded = api.post(path + "/funding", inventor.org().token(), Map.of());
        assertThat(funded.status()).as(funded.text()).isEqualTo(200);
        assertThat(funded.json().path("escrowBalance").path("amount").asString())
                .isEqualTo("80000.00");
        Api.Response delivered = api.post(
                path + "/delivery",
                university.token(),
                Map.of(
                        "documents",
                        List.of(Map.of(
                                "sha256", "cd".repeat(32), "description", "Patent certificate and assignment deed"))));
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        Api.Response accepted = api.post(path + "/acceptance", inventor.org().token(), Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(accepted.text()).doesNotContain(inventor.identityNumber());

        // The university is paid less the 1% fee, and the patent is assigned to her.
        assertThat(ledger.balance(AccountId.available(university.id(), "CNY"))).isEqualTo(Money.cny(79_200_00));
        assertThat(ledger.balance(AccountId.available(inventor.org().id(), "CNY")))
                .isEqualTo(Money.cny(20_000_00));
        JsonNode grants = api.get("/api/v1/assets/" + patent + "/grants", ADMIN_TOKEN)
                .json()
                .path("items");
        assertThat(grants.size()).isEqualTo(1);
        assertThat(grants.get(0).path("type").asString()).isEqualTo("ASSIGNMENT");
        assertThat(grants.get(0).path("granteeId").asString())
                .isEqualTo(inventor.org().id());
        assertThat(api.get("/api/v1/ledger/balance-check", ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();

        // Nothing the audit log recorded on the way holds her full number.
        assertThat(auditTextAfter(auditBefore)).contains(inventor.masked()).doesNotContain(inventor.identityNumber());
    }

    @Test
    void anInventorLicensingHisPatentIsNamedAsLicensorAndHisIncomeDoesNotQualify() {
        // An inventor owns a granted patent and declares an open licence of five years for 1,250 yuan.
        Person inventor = verifiedPerson("周志远", "0.01");
        String patent = patent(inventor.org());
        Api.Response declared = api.put(
                "/api/v1/assets/" + patent + "/open-licence",
                inventor.org().token(),
                Map.of(
                        "royalty",
                        Map.of("type", "LUMP_SUM", "amount", Map.of("amount", "1250.00", "currency", "CNY")),
                        "termMonths",
                        60),
                null);
        assertThat(declared.status()).as(declared.text()).isEqualTo(201);

        // A company takes it; the deal names him as the licensor, a natural person.
        Fixtures.Org company = funded(fixtures.verifiedOrg("ENTERPRISE"), "5000.00");
        Api.Response taken = api.post("/api/v1/assets/" + patent + "/open-licence/licences", company.token(), Map.of());
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        String dealId = dealOf(company, "buyer");
        String path = "/api/v1/deals/" + dealId;
        Api.Response deal = api.get(path, inventor.org().token());
        assertThat(deal.json().path("seller").path("identityNumber").asString()).isEqualTo(inventor.masked());
        assertThat(deal.text()).doesNotContain(inventor.identityNumber());
        assertThat(api.get(path + "/contract?lang=zh", company.token()).text("text"))
                .contains("许可人：周志远\n自然人，居民身份证号码：" + inventor.identityNumber() + "\n");
        assertThat(api.get(path + "/contract?lang=en", company.token()).text("text"))
                .contains("Licensor: 周志远\nNatural person; resident identity card no.: " + inventor.identityNumber());

        // Registered, a five-year patent licence would qualify; from a natural person it does not, and says why.
        assertThat(api.post(path + "/signatures", inventor.org().token(), Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(api.post(path + "/signatures", company.token(), Map.of()).status())
                .isEqualTo(201);
        Api.Response registered = api.post(path + "/registration", company.token(), Map.of());
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        assertThat(registered.text("qualification")).isEqualTo("SELLER_IS_A_NATURAL_PERSON");
        assertThat(registered.json().path("qualifiesAsTechnologyTransferIncome").asBoolean())
                .isFalse();
        assertThat(registered.text("qualificationReason"))
                .contains("natural person", "Caishui [2010] No. 111", "enterprise income tax");
        assertThat(registered.json().path("seller").path("identityNumber").asString())
                .isEqualTo(inventor.masked());
        assertThat(registered.text()).doesNotContain(inventor.identityNumber());

        // The company pays; he delivers; the company accepts and he is paid, less the venue's fee.
        assertThat(api.post(path + "/funding", company.token(), Map.of()).status())
                .isEqualTo(200);
        assertThat(api.post(
                                path + "/delivery",
                                inventor.org().token(),
                                Map.of(
                                        "documents",
                                        List.of(Map.of(
                                                "sha256", "ef".repeat(32), "description", "Licence certificate"))))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post(path + "/acceptance", company.token(), Map.of());
        assertThat(accepted.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(ledger.balance(AccountId.available(inventor.org().id(), "CNY")))
                .isEqualTo(Money.cny(1_237_51));
    }

    @Test
    void anIndividualWithoutARecordedIdentityNumberCannotBeAParty() {
        // Individuals registered before identity numbers were asked for have none; a contract cannot name them.
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        Person person = verifiedPerson("旧用户", "10.00");
        jdbc.sql("update organization set identity_number = null where id = ?")
                .param(person.org().id())
                .update();
        ListingAwarded award = new ListingAwarded(
                Fixtures.unique("listing"),
                venueOf(university),
                university.id(),
                person.org().id(),
                List.of(patent(university)),
                GrantKind.ASSIGNMENT,
                Optional.empty(),
                Money.cny(1_000_00),
                Optional.empty(),
                Optional.empty(),
                "FIXED_PRICE",
                Instant.now());

        assertThatThrownBy(() -> opening.open(award))
                .isInstanceOf(Rejection.class)
                .hasFieldOrPropertyWithValue("code", "PARTY_WITHOUT_IDENTITY_NUMBER");
        assertThat(api.get("/api/v1/deals?role=buyer", person.org().token())
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    private Person verifiedPerson(String name, String yuan) {
        String number = Fixtures.uniqueIdentityNumber();
        String username = Fixtures.unique("person");
        Api.Response registered = api.post(
                "/api/v1/registrations", null, Fixtures.individual(name, number, "440300", username, PASSWORD));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String id = registered.text("organizationId");
        Api.Response verified = api.post("/api/v1/organizations/" + id + "/verification", ADMIN_TOKEN, Map.of());
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        Fixtures.Org org =
                new Fixtures.Org(id, registered.text("userId"), username, PASSWORD, fixtures.logIn(username, PASSWORD));
        return new Person(funded(org, yuan), name, number);
    }

    private Fixtures.Org funded(Fixtures.Org org, String yuan) {
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        org.id(),
                        "amount",
                        Map.of("amount", yuan, "currency", "CNY"),
                        "bankReference",
                        Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
        return org;
    }

    private String regulator() {
        String username = Fixtures.unique("regulator");
        Api.Response added = api.post(
                "/api/v1/staff",
                ADMIN_TOKEN,
                Map.of("username", username, "password", "regulator password", "role", "REGULATOR"));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return fixtures.logIn(username, "regulator password");
    }

    private String patent(Fixtures.Org owner) {
        Api.Response created =
                fixtures.registerAsset(owner, Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.text("id");
    }

    private String venueOf(Fixtures.Org org) {
        return api.get("/api/v1/organizations/" + org.id(), ADMIN_TOKEN).text("venueId");
    }

    private static Map<String, Object> fixedPrice(String yuan, String depositYuan) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> mechanism = new LinkedHashMap<>();
        mechanism.put("type", "FIXED_PRICE");
        mechanism.put("startPrice", Map.of("amount", yuan, "currency", "CNY"));
        mechanism.put("deposit", Map.of("amount", depositYuan, "currency", "CNY"));
        mechanism.put("startsAt", now.toString());
        mechanism.put("endsAt", now.plus(Duration.ofHours(1)).toString());
        return mechanism;
    }

    /** Drafts, submits and approves a listing: it is open at once. */
    private String publish(
            Fixtures.Org seller, String assetId, Map<String, Object> offer, Map<String, Object> mechanism) {
        Api.Response draft = api.post(
                "/api/v1/listings",
                seller.token(),
                Map.of(
                        "assetIds",
                        List.of(assetId),
                        "offer",
                        offer,
                        "mechanism",
                        mechanism,
                        "title",
                        "Sparse-sensor training method",
                        "description",
                        "A granted invention patent, sold at a fixed price"));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        Api.Response submitted = api.post("/api/v1/listings/" + id + "/submission", seller.token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    /** The one deal of the organization in the role, waiting for it: deals open just after the sale commits. */
    private String dealOf(Fixtures.Org org, String role) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode items =
                    api.get("/api/v1/deals?role=" + role, org.token()).json().path("items");
            if (items.size() > 0) {
                assertThat(items.size()).isEqualTo(1);
                return items.get(0).path("id").asString();
            }
            assertThat(System.nanoTime()).as("a deal opened in time").isLessThan(giveUp);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String auditTextAfter(long after) {
        StringBuilder text = new StringBuilder();
        while (true) {
            JsonNode page = api.get("/api/v1/audit/events?limit=200&after=" + after, ADMIN_TOKEN)
                    .json();
            if (page.path("items").isEmpty()) {
                return text.toString();
            }
            text.append(page.path("items"));
            after = page.path("items")
                    .get(page.path("items").size() - 1)
                    .path("sequence")
                    .asLong();
        }
    }
}
