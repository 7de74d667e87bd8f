package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.techmarket.deal.NegotiationKit.cny;
import static org.techmarket.deal.NegotiationKit.in;
import static org.techmarket.deal.NegotiationKit.lumpSum;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.OfferExpiry;
import org.techmarket.support.Api;
import org.techmarket.support.Fixtures.Org;
import org.techmarket.support.IntegrationTest;

/** What an offer may not do: who may offer and answer, when, on which listings, and with what money. */
class OfferRulesIT extends IntegrationTest {

    @Autowired
    OfferExpiry expiry;

    private NegotiationKit kit() {
        return new NegotiationKit(api, fixtures);
    }

    @Test
    void onlyAVerifiedOrganizationThatOwnsNoneOfTheAssetsMayOffer() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Api.Response byOwner =
                kit.offer(listed.seller(), listed.listingId(), lumpSum("400000.00", in(Duration.ofMinutes(10))));
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(byOwner.code()).isEqualTo("OWNER_CANNOT_BID");

        Org unverified = fixtures.registerOrg("ENTERPRISE");
        Api.Response byUnverified =
                kit.offer(unverified, listed.listingId(), lumpSum("400000.00", in(Duration.ofMinutes(10))));
        assertThat(byUnverified.status()).isEqualTo(403);
        assertThat(byUnverified.code()).isEqualTo("ORGANIZATION_NOT_VERIFIED");

        assertThat(kit.offer(kit.buyer("10.00"), "no-such-listing", lumpSum("1.00", in(Duration.ofMinutes(10))))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyTheSideAnOfferIsMadeToAnswersIt() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        Org stranger = kit.buyer("10.00");
        String offer = kit.offer(buyer, listed.listingId(), lumpSum("450000.00", in(Duration.ofMinutes(10))))
                .text("id");

        Api.Response ownAcceptance = kit.answer(buyer, offer, "acceptance");
        assertThat(ownAcceptance.status()).isEqualTo(403);
        assertThat(ownAcceptance.code()).isEqualTo("NOT_YOUR_OFFER");
        assertThat(kit.counter(buyer, offer, lumpSum("460000.00", in(Duration.ofMinutes(10))))
                        .code())
                .isEqualTo("NOT_YOUR_OFFER");
        assertThat(kit.answer(stranger, offer, "acceptance").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + offer, stranger.token()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/offers/" + offer, ADMIN_TOKEN).status()).isEqualTo(200);

        Api.Response declined = kit.answer(listed.seller(), offer, "rejection");
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("DECLINED");
        Api.Response lateAcceptance = kit.answer(listed.seller(), offer, "acceptance");
        assertThat(lateAcceptance.status()).isEqualTo(409);
        assertThat(lateAcceptance.code()).isEqualTo("INVALID_STATUS_TRANSITION");
    }

    @Test
    void aCounteredOfferCannotBeAcceptedAndTheCounterCannotOutliveTheListing() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        String offer = kit.offer(buyer, listed.listingId(), lumpSum("450000.00", in(Duration.ofMinutes(10))))
                .text("id");
        Api.Response tooLong = kit.counter(listed.seller(), offer, lumpSum("480000.00", in(Duration.ofDays(2))));
        assertThat(tooLong.code()).isEqualTo("INVALID_DEADLINE");
        assertThat(api.get("/api/v1/offers/" + offer, buyer.token()).text("status"))
                .isEqualTo("OPEN");

        String counter = kit.counter(listed.seller(), offer, lumpSum("480000.00", in(Duration.ofMinutes(10))))
                .text("id");
        Api.Response acceptCountered = kit.answer(listed.seller(), offer, "acceptance");
        assertThat(acceptCountered.status()).isEqualTo(409);
        assertThat(acceptCountered.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(kit.counter(listed.seller(), offer, lumpSum("470000.00", in(Duration.ofMinutes(10))))
                        .status())
                .isEqualTo(409);
        Api.Response buyerCountersBack = kit.counter(buyer, counter, lumpSum("465000.00", in(Duration.ofMinutes(5))));
        assertThat(buyerCountersBack.status()).as(buyerCountersBack.text()).isEqualTo(201);
        assertThat(buyerCountersBack.json().path("round").asInt()).isEqualTo(3);
        assertThat(api.get(
                                "/api/v1/listings/" + listed.listingId() + "/offers",
                                listed.seller().token())
                        .json()
                        .size())
                .isEqualTo(3);
    }

    @Test
    void anOfferPastItsDeadlineCannotBeAcceptedAndIsMarkedExpired() throws InterruptedException {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        Api.Response made = kit.offer(buyer, listed.listingId(), lumpSum("450000.00", in(Duration.ofMillis(1500))));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        String offer = made.text("id");
        Thread.sleep(1600);

        assertThat(api.get("/api/v1/offers/" + offer, buyer.token()).text("status"))
                .isEqualTo("EXPIRED");
        Api.Response late = kit.answer(listed.seller(), offer, "acceptance");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("OFFER_EXPIRED");
        expiry.expireDue(Instant.now());
        assertThat(api.get("/api/v1/offers/" + offer, listed.seller().token()).text("status"))
                .isEqualTo("EXPIRED");
        assertThat(kit.answer(listed.seller(), offer, "acceptance").code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(api.get("/api/v1/listings/" + listed.listingId(), buyer.token())
                        .text("status"))
                .isEqualTo("OPEN");
    }

    @Test
    void offersAreForNegotiatedListingsAndBidsAreNot() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("600000.00");
        Api.Response bid = api.post(
                "/api/v1/listings/" + listed.listingId() + "/bids", buyer.token(), Map.of("amount", cny("500000.00")));
        assertThat(bid.status()).isEqualTo(409);
        assertThat(bid.code()).isEqualTo("NEGOTIATION_LISTING");

        Map<String, Object> fixedPrice =
                new LinkedHashMap<>(NegotiationKit.negotiation("500000.00", "0.00", in(Duration.ofHours(1))));
        fixedPrice.put("type", "FIXED_PRICE");
        NegotiationKit.Listed other = kit.knowHowForNegotiation("500000.00", "0.00");
        Org seller = other.seller();
        String auctionListing = kit.publish(seller, secondAsset(seller), fixedPrice);
        Api.Response offer = kit.offer(buyer, auctionListing, lumpSum("450000.00", in(Duration.ofMinutes(10))));
        assertThat(offer.status()).isEqualTo(409);
        assertThat(offer.code()).isEqualTo("NOT_A_NEGOTIATION");
    }

    @Test
    void badMoneyIsRefused() {
        NegotiationKit kit = kit();
        NegotiationKit.Listed listed = kit.knowHowForNegotiation("500000.00", "0.00");
        Org buyer = kit.buyer("10.00");
        String deadline = in(Duration.ofMinutes(10)).toString();
        for (Map<String, String> price : List.of(cny("12.345"), cny("-5.00"), cny("0.00"), cny("abc"))) {
            Api.Response refused = kit.offer(buyer, listed.listingId(), Map.of("price", price, "deadline", deadline));
            assertThat(refused.status()).as(price + " " + refused.text()).isBetween(400, 422);
            assertThat(refused.code()).as(refused.text()).isEqualTo("INVALID_AMOUNT");
        }
        Api.Response dollars = kit.offer(
                buyer,
                listed.listingId(),
                Map.of("price", Map.of("amount", "100.00", "currency", "USD"), "deadline", deadline));
        assertThat(dollars.code()).as(dollars.text()).isEqualTo("CURRENCY_MISMATCH");
        Api.Response unknown = kit.offer(
                buyer,
                listed.listingId(),
                Map.of("price", Map.of("amount", "100.00", "currency", "XYZ"), "deadline", deadline));
        assertThat(unknown.code()).as(unknown.text()).isEqualTo("UNKNOWN_CURRENCY");
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        Api.Response shortInstalments = kit.offer(
                buyer,
                listed.listingId(),
                Map.of(
                        "price",
                        cny("100.00"),
                        "paymentTerms",
                        Map.of(
                                "kind",
                                "INSTALMENTS",
                                "instalments",
                                List.of(Map.of("amount", cny("60.00"), "dueDate", due))),
                        "deadline",
                        deadline));
        assertThat(shortInstalments.status()).as(shortInstalments.text()).isBetween(400, 422);
        Api.Response noDeadline = kit.offer(buyer, listed.listingId(), Map.of("price", cny("100.00")));
        assertThat(noDeadline.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(api.get("/api/v1/listings/" + listed.listingId() + "/offers", buyer.token())
                        .json()
                        .size())
                .isZero();
    }

    private String secondAsset(Org owner) {
        Api.Response asset = fixtures.registerAsset(
                owner,
                org.techmarket.support.Fixtures.patentAsset(
                        owner.id(), org.techmarket.support.Fixtures.uniqueCnPatentNumber()));
        assertThat(asset.status()).as(asset.text()).isEqualTo(201);
        return asset.text("id");
    }
}
