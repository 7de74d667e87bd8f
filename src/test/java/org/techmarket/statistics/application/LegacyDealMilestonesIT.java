package org.techmarket.statistics.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.techmarket.deal.DealMilestone;
import org.techmarket.shared.Money;
import org.techmarket.support.Eventually;
import org.techmarket.support.Fixtures;
import org.techmarket.support.IntegrationTest;

/**
 * A deal's milestone that a market before V84 published to the statistics' former listener and had not delivered is
 * noted, its publication completed, and counted once by the fold; a second take-over finds nothing.
 */
class LegacyDealMilestonesIT extends IntegrationTest {

    @Autowired
    private LegacyDealMilestones legacy;

    @Autowired
    private EventPublicationRepository publications;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anUndeliveredMilestoneOfTheFormerListenerIsNotedCompletedAndCountedOnce() {
        String mechanism = Fixtures.unique("LEGACY");
        DealMilestone milestone = new DealMilestone(
                Fixtures.unique("deal"),
                DealMilestone.Stage.COMPLETED,
                Optional.empty(),
                mechanism,
                "LICENCE",
                "110108",
                "310104",
                Money.cny(2_500_00),
                List.of(),
                Instant.parse("1999-02-10T08:00:00Z"));
        TargetEventPublication stored = publications.create(
                TargetEventPublication.of(milestone, PublicationTargetIdentifier.of(LegacyDealMilestones.LISTENER_ID)));

        assertThat(legacy.takeOver()).isEqualTo(1);
        assertThat(jdbc.sql("select completion_date is not null from event_publication where id = ?")
                        .param(stored.getIdentifier())
                        .query(Boolean.class)
                        .single())
                .as("its publication completed")
                .isTrue();
        assertThat(legacy.takeOver()).as("nothing left to take over").isZero();
        Eventually.await(
                "the milestone folded",
                Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from stat_deal_pending where mechanism = ?")
                                .param(mechanism)
                                .query(Long.class)
                                .single()
                        == 0);
        assertThat(jdbc.sql("select coalesce(sum(deals), 0) || ' ' || coalesce(sum(value), 0) from stat_deal_cell"
                                + " where mechanism = ?")
                        .param(mechanism)
                        .query(String.class)
                        .single())
                .isEqualTo("1 250000");
    }
}
