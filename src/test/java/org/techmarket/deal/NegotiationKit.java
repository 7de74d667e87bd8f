package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/** Negotiated listings and offers for the offer tests, made through the HTTP API. */
final class NegotiationKit {

    private final Api api;
    private final Fixtures fixtures;

    NegotiationKit(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
    }

    /** A verified seller, the asset it lists and its open NEGOTIATION listing. */
    record Listed(Fixtures.Org seller, String assetId, String listingId) {}

    static Map<String, String> cny(String amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    static Instant in(Duration duration) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(duration);
    }

    Fixtures.Org buyer(String yuan) {
        Fixtures.Org org = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                IntegrationTest.ADMIN_TOKEN,
                Map.of("organizationId", org.id(), "amount", cny(yuan), "bankReference", Fixtures.unique("bank")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
        return org;
    }

    /** A university's know-how, assigned by negotiation at an asking price with a deposit, open for an hour. */
    Listed knowHowForNegotiation(String askingYuan, String depositYuan) {
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("kind", "KNOW_HOW");
        asset.put("title", "Process for low-temperature sintering of solid-state electrolytes");
        asset.put("abstract", "Furnace profiles and dopant recipes that halve sintering energy.");
        asset.put("language", "en");
        asset.put("industries", List.of("NEW_ENERGY_STORAGE"));
        asset.put("owners", List.of(Map.of("organizationId", university.id(), "share", "100")));
        asset.put("legalStatus", "GRANTED");
        asset.put("trl", 5);
        Api.Response registered = fixtures.registerAsset(university, asset);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String assetId = registered.text("id");
        return new Listed(
                university,
                assetId,
                publish(university, assetId, negotiation(askingYuan, depositYuan, in(Duration.ofHours(1)))));
    }

    /** A verified university and the patent it owns. */
    Listed patentOwner() {
        Fixtures.Org university = fixtures.verifiedOrg("UNIVERSITY");
        Api.Response registered = fixtures.registerAsset(
                university, Fixtures.patentAsset(university.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return new Listed(university, registered.text("id"), null);
    }

    /**
     * The owner's patent, exclusively licensed by negotiation for China, any field, three years from the start, at
     * an asking price with a deposit, open from {@code startsAt} until {@code endsAt}.
     */
    Listed licenceForNegotiation(
            Listed owner, String askingYuan, String depositYuan, Instant startsAt, Instant endsAt) {
        LocalDate start = LocalDate.ofInstant(startsAt, ZoneOffset.UTC);
        Map<String, Object> mechanism = negotiation(askingYuan, depositYuan, endsAt);
        mechanism.put("startsAt", startsAt.toString());
        Map<String, Object> offer = exclusiveLicence(start);
        return new Listed(owner.seller(), owner.assetId(), publish(owner.seller(), owner.assetId(), offer, mechanism));
    }

    /** An exclusive licence for China, any field, three years from {@code start}. */
    static Map<String, Object> exclusiveLicence(LocalDate start) {
        return Map.of(
                "type",
                "LICENCE",
                "licence",
                Map.of(
                        "type",
                        "EXCLUSIVE",
                        "scope",
                        Map.of(
                                "fields",
                                List.of("*"),
                                "territories",
                                List.of("CN"),
                                "start",
                                start.toString(),
                                "end",
                                start.plusYears(3).toString())));
    }

    /** A NEGOTIATION mechanism opening now. */
    static Map<String, Object> negotiation(String askingYuan, String depositYuan, Instant endsAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "NEGOTIATION");
        m.put("startPrice", cny(askingYuan));
        m.put("deposit", cny(depositYuan));
        m.put("startsAt", in(Duration.ZERO).toString());
        m.put("endsAt", endsAt.toString());
        return m;
    }

    /** Drafts, submits and approves a listing of the asset's assignment: it is OPEN at once. */
    String publish(Fixtures.Org seller, String assetId, Map<String, Object> mechanism) {
        return publish(seller, assetId, Map.of("type", "ASSIGNMENT"), mechanism);
    }

    /** Drafts, submits and approves a listing of {@code offer}: it is OPEN from the mechanism's start. */
    String publish(Fixtures.Org seller, String assetId, Map<String, Object> offer, Map<String, Object> mechanism) {
        return publish(api, seller, assetId, offer, mechanism);
    }

    /**
     * As above, drafted and submitted by {@code lister} through {@code as}: the seller itself, or its broker acting
     * for it.
     */
    String publish(
            Api as, Fixtures.Org lister, String assetId, Map<String, Object> offer, Map<String, Object> mechanism) {
        Api.Response draft = as.post(
                "/api/v1/listings",
                lister.token(),
                Map.of(
                        "assetIds",
                        List.of(assetId),
                        "offer",
                        offer,
                        "mechanism",
                        mechanism,
                        "title",
                        "Negotiated technology",
                        "description",
                        "Sold by negotiation"));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        String id = draft.text("id");
        Api.Response submitted = as.post("/api/v1/listings/" + id + "/submission", lister.token(), Map.of());
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/listings/" + id + "/approval", IntegrationTest.ADMIN_TOKEN, Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return id;
    }

    /** One instalment of an offer's payment terms. */
    static Map<String, Object> instalment(String yuan, LocalDate due) {
        return Map.of("amount", cny(yuan), "dueDate", due.toString());
    }

    /** An offer body paid in the instalments given, with the deadline given. */
    @SafeVarargs
    static Map<String, Object> inInstalments(String priceYuan, Instant deadline, Map<String, Object>... instalments) {
        return Map.of(
                "price",
                cny(priceYuan),
                "paymentTerms",
                Map.of("kind", "INSTALMENTS", "instalments", List.of(instalments)),
                "deadline",
                deadline.toString());
    }

    /** An offer body paid in one sum, with the deadline given. */
    static Map<String, Object> lumpSum(String yuan, Instant deadline) {
        return Map.of(
                "price",
                cny(yuan),
                "paymentTerms",
                Map.of(
                        "kind",
                        "LUMP_SUM",
                        "dueDate",
                        LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()),
                "deadline",
                deadline.toString());
    }

    Api.Response offer(Fixtures.Org buyer, String listingId, Map<String, Object> body) {
        return api.post("/api/v1/listings/" + listingId + "/offers", buyer.token(), body);
    }

    Api.Response answer(Fixtures.Org by, String offerId, String step) {
        return api.post("/api/v1/offers/" + offerId + "/" + step, by.token(), Map.of());
    }

    Api.Response counter(Fixtures.Org by, String offerId, Map<String, Object> body) {
        return api.post("/api/v1/offers/" + offerId + "/counter", by.token(), body);
    }

    /** The buyer's deals, once at least {@code count} have opened (deals open just after the award commits). */
    tools.jackson.databind.JsonNode awaitDeals(Fixtures.Org buyer, int count) {
        return awaitDeals(buyer, count, Duration.ofSeconds(10));
    }

    tools.jackson.databind.JsonNode awaitDeals(Fixtures.Org buyer, int count, Duration patience) {
        long giveUp = System.nanoTime() + patience.toNanos();
        while (true) {
            tools.jackson.databind.JsonNode items = api.get("/api/v1/deals?limit=200&role=buyer", buyer.token())
                    .json()
                    .path("items");
            if (items.size() >= count || System.nanoTime() > giveUp) {
                return items;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The offer as {@code reader} sees it once its status is {@code status}; fails if that does not come. */
    Api.Response awaitOffer(Fixtures.Org reader, String offerId, String status) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Api.Response offer = api.get("/api/v1/offers/" + offerId, reader.token());
            if (status.equals(offer.text("status"))) {
                return offer;
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("offer " + offerId + " did not become " + status + ": " + offer.text());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
