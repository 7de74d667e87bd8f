package org.techmarket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;
import org.techmarket.asset.AssetOwnershipCorrected;
import org.techmarket.deal.DealMilestone;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.deal.OfferReceived;
import org.techmarket.deal.domain.OfferAccepted;
import org.techmarket.deal.domain.PaymentSchedule;
import org.techmarket.listing.LeadTaken;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.listing.ListingEnded;
import org.techmarket.listing.ListingMilestone;
import org.techmarket.participant.OrganizationSuspended;
import org.techmarket.rights.GrantKind;
import org.techmarket.rights.GrantRecorded;
import org.techmarket.rights.GrantScope;
import org.techmarket.rights.GrantTerminated;
import org.techmarket.rights.OpenLicenceDeclared;
import org.techmarket.rights.OpenLicenceTaken;
import org.techmarket.rights.OpenLicenceWithdrawn;
import org.techmarket.shared.Money;
import org.techmarket.support.IntegrationTest;

/**
 * Every event a module publishes for others, or for its own later delivery, survives the event publication
 * registry's serializer: it is stored as JSON with the sale and read back for a later delivery, equal to what was
 * published, and written the same way again (a publication is also found by its stored text).
 */
class ModuleEventSerializationIT extends IntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.123456Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    @Autowired
    EventSerializer serializer;

    static Stream<Object> events() {
        GrantScope scope =
                new GrantScope(List.of("G06N", "B25J 9/16"), List.of("CN", "440300"), TODAY, TODAY.plusYears(3));
        return Stream.of(
                new ListingAwarded(
                        "listing-1",
                        "venue-1",
                        "seller-1",
                        "buyer-1",
                        List.of("asset-1", "asset-2"),
                        GrantKind.EXCLUSIVE_LICENCE,
                        Optional.of(scope),
                        Money.of(1_250_000_50L, "CNY"),
                        Optional.of("hold-1"),
                        Optional.of(new ListingAwarded.RunnerUp("bidder-2", Money.of(1_240_000_00L, "CNY"))),
                        "ENGLISH",
                        AT),
                new ListingAwarded(
                        "listing-2",
                        "venue-1",
                        "seller-1",
                        "buyer-1",
                        List.of("asset-1"),
                        GrantKind.ASSIGNMENT,
                        Optional.empty(),
                        Money.of(99, "USD"),
                        Optional.empty(),
                        Optional.empty(),
                        "FIXED_PRICE",
                        AT),
                new ListingAwarded(
                        "listing-3",
                        "venue-1",
                        "seller-1",
                        "buyer-1",
                        List.of("asset-1"),
                        GrantKind.NON_EXCLUSIVE_LICENCE,
                        Optional.of(new GrantScope(List.of("*"), List.of("WORLD"), TODAY, null)),
                        Money.of(0, "CNY"),
                        Optional.empty(),
                        Optional.empty(),
                        "NEGOTIATION",
                        AT),
                new OpenLicenceTaken(
                        "grant-1",
                        "declaration-1",
                        "asset-1",
                        "licensee-1",
                        Money.cny(5_000_00),
                        Optional.of(new OpenLicenceTaken.RevenueShare(350, Money.cny(4_000_00)))),
                new OpenLicenceTaken("grant-2", "declaration-1", "asset-1", "licensee-2", Money.cny(5_000_00)),
                new GrantRecorded(
                        "grant-1", "asset-1", GrantKind.OPEN_LICENCE, "licensee-1", Optional.of("deal-1"), AT),
                new GrantRecorded("grant-3", "asset-1", GrantKind.PLEDGE, "bank-1", Optional.empty(), AT),
                new GrantTerminated("grant-1", "asset-1", TODAY, "The deal was terminated"),
                new OpenLicenceDeclared("declaration-2", "asset-1", Optional.of("declaration-1")),
                new OpenLicenceDeclared("declaration-1", "asset-1", Optional.empty()),
                new OpenLicenceWithdrawn("declaration-2", "asset-1"),
                new ListingEnded("listing-4", "CANCELLED", Optional.of("Asset asset-1 was assigned to buyer-1"), AT),
                new ListingEnded("listing-1", "AWARDED", Optional.empty(), AT),
                new LeadTaken("listing-1", "venue-1", "bid-2", "bidder-2", "bidder-1", Money.of(1_100_00L, "CNY"), AT),
                new OfferReceived("offer-1", "listing-1", "seller-1", "buyer-1", 2, Money.of(1_500_00L, "CNY"), AT, AT),
                new DealStepTaken(
                        "deal-1",
                        "venue-1",
                        "ContractSigned",
                        "SIGNING",
                        "seller-1",
                        "buyer-1",
                        Optional.of("seller-1"),
                        Optional.of("listing-1"),
                        AT),
                new DealStepTaken(
                        "deal-2",
                        "venue-1",
                        "DealSigned",
                        "SIGNED",
                        "seller-1",
                        "buyer-1",
                        Optional.empty(),
                        Optional.empty(),
                        AT),
                new OrganizationSuspended("organization-1", "venue-1", "Forged documents", AT),
                new AssetOwnershipCorrected("asset-1", "dispute-1", List.of("owner-1", "owner-2"), "claimant-1", AT),
                new OfferAccepted(
                        "offer-1",
                        "listing-3",
                        "venue-1",
                        "seller-1",
                        "buyer-1",
                        List.of("asset-1"),
                        GrantKind.EXCLUSIVE_LICENCE,
                        Optional.of(scope),
                        Money.cny(600_000_00),
                        PaymentSchedule.Kind.INSTALMENTS,
                        List.of(
                                new PaymentSchedule.Instalment(Money.cny(200_000_00), TODAY.plusDays(10)),
                                new PaymentSchedule.Instalment(Money.cny(400_000_00), TODAY.plusDays(100))),
                        Optional.of("hold-1"),
                        AT),
                new OfferAccepted(
                        "offer-2",
                        "listing-4",
                        "venue-1",
                        "seller-1",
                        "buyer-1",
                        List.of("asset-1"),
                        GrantKind.ASSIGNMENT,
                        Optional.empty(),
                        Money.cny(480_000_00),
                        PaymentSchedule.Kind.LUMP_SUM,
                        List.of(new PaymentSchedule.Instalment(Money.cny(480_000_00), TODAY.plusDays(30))),
                        Optional.empty(),
                        AT),
                new DealMilestone(
                        "deal-1",
                        DealMilestone.Stage.COMPLETED,
                        Optional.of("listing-1"),
                        "ENGLISH",
                        "TRANSFER",
                        "110108",
                        "440300",
                        Money.cny(1_250_000_50L),
                        List.of("asset-1", "asset-2"),
                        AT),
                new DealMilestone(
                        "deal-2",
                        DealMilestone.Stage.REGISTERED,
                        Optional.empty(),
                        "DIRECT",
                        "DEVELOPMENT",
                        "310000",
                        "110000",
                        Money.cny(80_000_00),
                        List.of(),
                        AT),
                new ListingMilestone(
                        "listing-1",
                        ListingMilestone.Stage.AWARDED,
                        "ENGLISH",
                        List.of("asset-1"),
                        Money.cny(1_000_000_00L),
                        Optional.of(Money.cny(1_200_000_00L)),
                        AT,
                        Optional.of(Money.cny(1_250_000_50L)),
                        AT),
                new ListingMilestone(
                        "listing-2",
                        ListingMilestone.Stage.LISTED,
                        "FIXED_PRICE",
                        List.of("asset-1"),
                        Money.cny(5_000_00),
                        Optional.empty(),
                        AT,
                        Optional.empty(),
                        AT));
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventReadsBackEqualAndWritesTheSameTextAgain(Object event) {
        String stored = serializer.serialize(event).toString();
        Object read = serializer.deserialize(stored, event.getClass());
        assertThat(read).isEqualTo(event);
        assertThat(serializer.serialize(read).toString()).isEqualTo(stored);
    }

    @org.junit.jupiter.api.Test
    void moneyIsStoredAsADecimalStringAndOptionalsAsTheirValueOrNull() {
        String stored = serializer.serialize(events().findFirst().orElseThrow()).toString();
        assertThat(stored)
                .contains("\"price\":{\"amount\":\"1250000.50\",\"currency\":\"CNY\"}")
                .contains("\"depositHoldId\":\"hold-1\"")
                .contains("\"awardedAt\":\"2026-03-01T08:15:30.123456Z\"");
        String empty = serializer
                .serialize(new OpenLicenceDeclared("declaration-1", "asset-1", Optional.empty()))
                .toString();
        assertThat(empty).contains("\"replacedId\":null");
    }
}
