package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.techmarket.ledger.Hold;
import org.techmarket.ledger.HoldRequest;
import org.techmarket.ledger.Ledger;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.participant.Participants;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantScope;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Money;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Builds the market a deal needs: funded buyers, patents, an award with a real deposit hold, and signed deals. */
final class DealKit {

    private final Api api;
    private final Fixtures fixtures;
    private final Ledger ledger;
    private final Participants participants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DealKit(
            Api api,
            Fixtures fixtures,
            Ledger ledger,
            Participants participants,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.api = api;
        this.fixtures = fixtures;
        this.ledger = ledger;
        this.participants = participants;
        this.events = events;
        this.transactions = transactions;
    }

    /** A sale: the seller, the buyer, the patent sold, and the award that opened the deal. */
    record Sale(Fixtures.Org seller, Fixtures.Org buyer, String assetId, ListingAwarded award, String dealId) {}

    Fixtures.Org fundedBuyer(String yuan) {
        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        Api.Response cashIn = api.post(
                "/api/v1/ledger/cash-ins",
                IntegrationTest.ADMIN_TOKEN,
                Map.of(
                        "organizationId",
                        buyer.id(),
                        "amount",
                        Map.of("amount", yuan, "currency", "CNY"),
                        "bankReference",
                        Fixtures.unique("ICBC")));
        assertThat(cashIn.status()).as(cashIn.text()).isEqualTo(201);
        return buyer;
    }

    String patent(Fixtures.Org owner) {
        Api.Response created =
                fixtures.registerAsset(owner, Fixtures.patentAsset(owner.id(), Fixtures.uniqueCnPatentNumber()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.text("id");
    }

    /** An auction of a patent's assignment awarded at {@code priceFen}, the winner's deposit held, the deal opened. */
    Sale awardedAssignment(long priceFen, long depositFen) {
        return awardedAssignment(priceFen, depositFen, Optional.of("runner-up-org"));
    }

    /** As above, with the given runner-up (bidding 100.00 less than the price) or none. */
    Sale awardedAssignment(long priceFen, long depositFen, Optional<String> runnerUpId) {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org buyer = fundedBuyer("100000.00");
        String asset = patent(seller);
        ListingAwarded award = awardAssignment(seller, buyer, asset, priceFen, depositFen, runnerUpId, 1);
        return new Sale(seller, buyer, asset, award, dealOf(buyer, award.listingId()));
    }

    /**
     * Awards an auction of the asset's assignment to the buyer, the deposit held, and publishes the award
     * {@code times} times (as equal but distinct events) in the award's transaction; the deal may not be open yet.
     */
    ListingAwarded awardAssignment(
            Fixtures.Org seller,
            Fixtures.Org buyer,
            String asset,
            long priceFen,
            long depositFen,
            Optional<String> runnerUpId,
            int times) {
        String listing = Fixtures.unique("listing");
        return transactions.execute(tx -> {
            Hold deposit = ledger.hold(
                    Actor.SYSTEM,
                    new HoldRequest(
                            buyer.id(),
                            Money.cny(depositFen),
                            "AUCTION_DEPOSIT",
                            "listing:" + listing,
                            Optional.empty()));
            Instant awardedAt = Instant.now();
            ListingAwarded awarded = null;
            for (int i = 0; i < times; i++) {
                awarded = new ListingAwarded(
                        listing,
                        venueOf(seller.id()),
                        seller.id(),
                        buyer.id(),
                        List.of(asset),
                        GrantKind.ASSIGNMENT,
                        Optional.empty(),
                        Money.cny(priceFen),
                        Optional.of(deposit.id()),
                        runnerUpId.map(id -> new ListingAwarded.RunnerUp(id, Money.cny(priceFen - 100_00))),
                        "ENGLISH",
                        awardedAt);
                events.publishEvent(awarded);
            }
            return awarded;
        });
    }

    void publishAgain(ListingAwarded award) {
        transactions.executeWithoutResult(tx -> events.publishEvent(award));
    }

    String venueOf(String organizationId) {
        return participants.organization(organizationId).orElseThrow().venueId();
    }

    /** The deal the listing's award opened, waiting for it a little: deals open just after the award commits. */
    String dealOf(Fixtures.Org buyer, String listingId) {
        JsonNode items = awaitDeals(buyer, "buyer", 1);
        for (JsonNode item : items) {
            if (listingId.equals(item.path("listingId").asString())) {
                return item.path("id").asString();
            }
        }
        throw new AssertionError("no deal opened for listing " + listingId + ": " + items);
    }

    /** The organization's deals in a role once there are at least {@code count}, or what there is after a while. */
    JsonNode awaitDeals(Fixtures.Org org, String role, int count) {
        return awaitDeals(org, role, count, 10_000);
    }

    JsonNode awaitDeals(Fixtures.Org org, String role, int count, long millis) {
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            JsonNode items = api.get("/api/v1/deals?limit=200&role=" + role, org.token())
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

    void signByBoth(Sale sale) {
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/signatures",
                                sale.seller().token(),
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/deals/" + sale.dealId() + "/signatures",
                                sale.buyer().token(),
                                Map.of())
                        .status())
                .isEqualTo(201);
    }

    Api.Response deliver(Sale sale) {
        return api.post(
                "/api/v1/deals/" + sale.dealId() + "/delivery",
                sale.seller().token(),
                Map.of(
                        "documents",
                        List.of(Map.of(
                                "sha256", "ab".repeat(32), "description", "Patent certificate and assignment deed"))));
    }

    JsonNode deal(Sale sale) {
        return api.get("/api/v1/deals/" + sale.dealId(), sale.buyer().token()).json();
    }

    /** The market's invariants: the ledger balances, and the asset's assignments are exactly the completed deal's. */
    void assertInvariants(Sale sale) {
        assertThat(api.get("/api/v1/ledger/balance-check", IntegrationTest.ADMIN_TOKEN)
                        .json()
                        .path("balanced")
                        .asBoolean())
                .isTrue();
        JsonNode deal = deal(sale);
        JsonNode grants = api.get("/api/v1/assets/" + sale.assetId() + "/grants", IntegrationTest.ADMIN_TOKEN)
                .json()
                .path("items");
        long assignments = 0;
        for (JsonNode grant : grants) {
            if ("ASSIGNMENT".equals(grant.path("type").asString())) {
                assignments++;
                assertThat(grant.path("granteeId").asString())
                        .isEqualTo(sale.buyer().id());
            }
        }
        boolean completed = "COMPLETED".equals(deal.path("status").asString());
        assertThat(assignments).as("assignments on the asset").isEqualTo(completed ? 1 : 0);
        assertThat(deal.path("grants").size()).isEqualTo(completed ? 1 : 0);
    }

    /** The detached Ed25519 signature (base64) of a key the signer holds over a contract hash (ADR 0050). */
    static String signature(KeyPair pair, String contractHash) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(("techmarket-contract-v1:" + contractHash).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static GrantScope world() {
        return new GrantScope(List.of("*"), List.of("WORLD"), today(), null);
    }
}
