package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.techmarket.listing.ListingAwarded;
import org.techmarket.rights.GrantKind;
import org.techmarket.shared.Money;
import org.techmarket.shared.events.EventRedelivery;
import org.techmarket.support.EventPublications;
import org.techmarket.support.EventPublications.Publication;
import org.techmarket.support.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * An award reaches the deal module through the event publication registry: stored with the award, completed when the
 * deal's transaction commits. A delivery that fails is resubmitted, one that is delivered twice opens one deal, one
 * that can never open a deal completes without one, and one that failed too often waits for an operator.
 */
class DealOpeningDeliveryIT extends DealIntegrationTest {

    private static final String LISTENER = "deal.opening.listing-awarded";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventRedelivery redelivery;

    EventPublications publications;

    @BeforeEach
    void kit() {
        publications = new EventPublications(jdbc);
    }

    @Test
    void anAwardIsStoredWithTheSaleAndCompletedWhenItsDealOpens() {
        DealKit.Sale sale = kit.awardedAssignment(30_000_00, 3_000_00);
        List<Publication> stored = publications.awaitDelivered(sale.award().listingId());
        assertThat(stored).singleElement().satisfies(p -> {
            assertThat(p.listenerId()).isEqualTo(LISTENER);
            assertThat(p.status()).isEqualTo("COMPLETED");
            assertThat(p.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aDeliveryThatFailsIsResubmittedAndOpensOneDeal() throws Exception {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org buyer = kit.fundedBuyer("100000.00");
        String asset = kit.patent(seller);
        ListingAwarded award;
        // The deal table is locked while the award commits, and the opening waiting for it loses its statement,
        // as it would its connection to a database that went away.
        try (Connection blocker = dataSource.getConnection();
                Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table deal in access exclusive mode");
            award = kit.awardAssignment(seller, buyer, asset, 40_000_00, 4_000_00, Optional.empty(), 1);
            cancelOpeningsWaitingForTheLockUntilFailed(award.listingId());
            blocker.rollback();
        }
        assertThat(dealsOf(buyer, award.listingId())).isEmpty();

        assertThat(redelivery.resubmit(Duration.ZERO)).isPositive();

        List<Publication> delivered = publications.awaitDelivered(award.listingId());
        assertThat(delivered).singleElement().extracting(Publication::attempts).isEqualTo(2);
        assertThat(dealsOf(buyer, award.listingId())).hasSize(1);
    }

    @Test
    void theSameAwardDeliveredTwiceAtOnceOpensOneDeal() {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org buyer = kit.fundedBuyer("100000.00");
        String asset = kit.patent(seller);
        // Two equal events in one transaction: two publications, delivered side by side on the two workers.
        ListingAwarded award = kit.awardAssignment(seller, buyer, asset, 25_000_00, 2_500_00, Optional.empty(), 2);

        assertThat(publications.awaitDelivered(award.listingId())).hasSize(2);
        assertThat(dealsOf(buyer, award.listingId())).hasSize(1);

        // Delivered once more, later: still one deal.
        kit.publishAgain(award);
        assertThat(publications.awaitDelivered(award.listingId())).hasSize(3);
        assertThat(dealsOf(buyer, award.listingId())).hasSize(1);
    }

    @Test
    void anAwardThatCanNeverOpenADealIsDeliveredOnceWithoutOne() {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        String asset = kit.patent(seller);
        // An award at a venue the participant registry does not know: the opening is refused, and always would be.
        ListingAwarded sold = award(seller, buyer, asset);
        ListingAwarded award = new ListingAwarded(
                sold.listingId(),
                "no-such-venue",
                sold.sellerId(),
                sold.buyerId(),
                sold.assetIds(),
                sold.offeredKind(),
                sold.licenceScope(),
                sold.price(),
                sold.depositHoldId(),
                sold.runnerUp(),
                sold.mechanism(),
                sold.awardedAt());
        transactions.executeWithoutResult(tx -> events.publishEvent(award));

        assertThat(publications.awaitDelivered(award.listingId()))
                .singleElement()
                .extracting(Publication::attempts)
                .isEqualTo(1);
        assertThat(dealsOf(buyer, award.listingId())).isEmpty();

        // Delivered is delivered: a resubmission leaves it alone.
        redelivery.resubmit(Duration.ZERO);
        assertThat(publications.ofAward(award.listingId())).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("COMPLETED");
            assertThat(p.attempts()).isEqualTo(1);
        });
    }

    @Test
    void anUndeliveredAwardIsDeliveredByTheNextResubmissionUnlessItFailedTooOften() {
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        Fixtures.Org buyer = fixtures.verifiedOrg("ENTERPRISE");
        String asset = kit.patent(seller);
        ListingAwarded award = award(seller, buyer, asset);
        // Published outside a transaction there is no commit to deliver after: stored, and left undelivered.
        events.publishEvent(award);
        assertThat(publications.ofAward(award.listingId()))
                .singleElement()
                .extracting(Publication::status)
                .isEqualTo("PUBLISHED");

        // As if it had failed ten times: it is left for an operator.
        setAttempts(award, 10);
        redelivery.resubmit(Duration.ZERO);
        assertThat(publications.ofAward(award.listingId()))
                .singleElement()
                .extracting(Publication::status)
                .isEqualTo("PUBLISHED");
        assertThat(dealsOf(buyer, award.listingId())).isEmpty();

        // The operator gives it another chance; the next resubmission delivers it.
        setAttempts(award, 1);
        assertThat(redelivery.resubmit(Duration.ZERO)).isPositive();
        assertThat(publications.awaitDelivered(award.listingId()))
                .singleElement()
                .extracting(Publication::attempts)
                .isEqualTo(2);
        assertThat(dealsOf(buyer, award.listingId())).hasSize(1);
    }

    @Test
    void completedPublicationsAreDeletedOnceOlderThanTheirKeepingPeriod() {
        DealKit.Sale sale = kit.awardedAssignment(20_000_00, 2_000_00);
        publications.awaitDelivered(sale.award().listingId());
        Fixtures.Org seller = fixtures.verifiedOrg("UNIVERSITY");
        ListingAwarded undelivered = award(seller, fixtures.verifiedOrg("ENTERPRISE"), kit.patent(seller));
        events.publishEvent(undelivered);

        redelivery.deleteCompletedOlderThan(Duration.ofDays(7));
        assertThat(publications.ofAward(sale.award().listingId())).hasSize(1);

        redelivery.deleteCompletedOlderThan(Duration.ZERO);
        assertThat(publications.ofAward(sale.award().listingId())).isEmpty();
        assertThat(publications.ofAward(undelivered.listingId())).hasSize(1);
        redelivery.resubmit(Duration.ZERO);
        publications.awaitDelivered(undelivered.listingId());
    }

    /** A fixed-price sale of the asset's assignment to the buyer, without a deposit. */
    private ListingAwarded award(Fixtures.Org seller, Fixtures.Org buyer, String asset) {
        return new ListingAwarded(
                Fixtures.unique("listing"),
                kit.venueOf(seller.id()),
                seller.id(),
                buyer.id(),
                List.of(asset),
                GrantKind.ASSIGNMENT,
                Optional.empty(),
                Money.cny(10_000_00),
                Optional.empty(),
                Optional.empty(),
                "FIXED_PRICE",
                Instant.now());
    }

    private void setAttempts(ListingAwarded award, int attempts) {
        jdbc.sql("update event_publication set completion_attempts = ?"
                        + " where serialized_event::jsonb ->> 'listingId' = ?")
                .params(attempts, award.listingId())
                .update();
    }

    private List<JsonNode> dealsOf(Fixtures.Org buyer, String listingId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode deal : api.get("/api/v1/deals?limit=200&role=buyer", buyer.token())
                .json()
                .path("items")) {
            if (listingId.equals(deal.path("listingId").asString())) {
                found.add(deal);
            }
        }
        return found;
    }

    /**
     * Cancels the statements of the deal openings waiting for the locked deal table until the award's delivery has
     * failed. An opening still under way from an earlier test may be waiting too; it fails as well, and the
     * resubmission delivers it.
     */
    private void cancelOpeningsWaitingForTheLockUntilFailed(String listingId) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (publications.ofAward(listingId).stream().noneMatch(p -> "FAILED".equals(p.status()))) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the delivery of the award of " + listingId + " did not fail");
            }
            jdbc.sql("select pg_cancel_backend(pid) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like '%from deal where cause = %'")
                    .query(Boolean.class)
                    .list();
            Thread.sleep(25);
        }
    }
}
