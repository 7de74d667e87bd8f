package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final Instant DEADLINE = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void aSignedDealDefaultsAtItsFundingDeadlineNotBefore() {
        assertThat(Deadlines.fundingOverdue(DealStatus.SIGNED, DEADLINE, DEADLINE.minusMillis(1)))
                .isFalse();
        assertThat(Deadlines.fundingOverdue(DealStatus.SIGNED, DEADLINE, DEADLINE))
                .isTrue();
        assertThat(Deadlines.fundingOverdue(DealStatus.FUNDED, DEADLINE, DEADLINE.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void aDeliveryIsAcceptedWhenTheAcceptancePeriodHasPassed() {
        Contract contract = Fixtures.transfer();
        Instant deadline = contract.acceptanceDeadline(DEADLINE);
        assertThat(Deadlines.acceptanceLapsed(DealStatus.DELIVERED, deadline, deadline.minusNanos(1)))
                .isFalse();
        assertThat(Deadlines.acceptanceLapsed(DealStatus.DELIVERED, deadline, deadline))
                .isTrue();
        assertThat(Deadlines.acceptanceLapsed(DealStatus.DISPUTED, deadline, deadline))
                .isFalse();
    }
}
