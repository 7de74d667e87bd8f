package org.techmarket.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.techmarket.deal.application.DealDisputes;
import org.techmarket.deal.persistence.Disputes.DisputeRow;
import org.techmarket.shared.Actor;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.Role;

/** The operator's list of disputes waiting for a decision: its venue's open ones, until each is decided. */
class UndecidedDisputesIT extends DealIntegrationTest {

    @Autowired
    private DealDisputes disputes;

    @Test
    void anOpenDisputeWaitsOnTheOperatorsListOfItsVenueUntilItIsDecided() {
        DealKit.Sale sale = kit.awardedAssignment(30_000_00, 3_000_00);
        String deal = "/api/v1/deals/" + sale.dealId();
        kit.signByBoth(sale);
        assertThat(api.post(deal + "/funding", sale.buyer().token(), Map.of()).status())
                .isEqualTo(200);
        String dispute = api.post(
                        deal + "/disputes",
                        sale.seller().token(),
                        Map.of("reasons", "The buyer will not take the documents", "evidence", List.of()))
                .text("id");
        String venue = kit.venueOf(sale.seller().id());

        assertThat(ids(operatorOf(Optional.of(venue)))).contains(dispute);
        assertThat(ids(operatorOf(Optional.of("another-venue")))).doesNotContain(dispute);

        assertThat(api.post(
                                "/api/v1/disputes/" + dispute + "/resolution",
                                ADMIN_TOKEN,
                                Map.of("outcome", "REFUND", "decision", "Nothing was delivered; refunded."))
                        .status())
                .isEqualTo(200);
        assertThat(ids(operatorOf(Optional.of(venue)))).doesNotContain(dispute);
    }

    @Test
    void onlyAnOperatorReadsTheDisputesWaitingForADecision() {
        Actor member = new Actor("u", "u", Role.ORG_ADMIN, Optional.of("org"), Optional.empty());
        assertThatThrownBy(() -> disputes.undecided(member, null))
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo("FORBIDDEN"));
    }

    private List<DisputeRow> operatorOf(Optional<String> venue) {
        return disputes.undecided(new Actor("op", "op", Role.OPERATOR, Optional.empty(), venue), 200);
    }

    private static List<String> ids(List<DisputeRow> rows) {
        return rows.stream().map(DisputeRow::id).toList();
    }
}
