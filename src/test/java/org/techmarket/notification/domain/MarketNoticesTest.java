package org.techmarket.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.techmarket.deal.DealStepTaken;
import org.techmarket.listing.LeadTaken;
import org.techmarket.shared.Money;
import org.techmarket.shared.Notice.Recipient;

class MarketNoticesTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    private static DealStepTaken step(String step, String status, Optional<String> by) {
        return new DealStepTaken(
                "deal-1", "venue-1", step, status, "seller", "buyer", by, Optional.of("listing-1"), AT);
    }

    private static List<String> told(List<MarketNotice> notices) {
        return notices.stream()
                .flatMap(n -> n.noticeRecipients().stream())
                .map(Recipient::organizationId)
                .toList();
    }

    @ParameterizedTest(name = "{0} leaving the deal {1} waits for {3}")
    @CsvSource({
        "DealOpened,SIGNING,,seller buyer,deal.signature-due",
        "ContractSigned,SIGNING,seller,buyer,deal.signature-due",
        "ContractSigned,SIGNING,buyer,seller,deal.signature-due",
        "DealSigned,SIGNED,,buyer,deal.funding-due",
        "DealFunded,FUNDED,,seller,deal.delivery-due",
        "DeliveryRecorded,DELIVERED,,buyer,deal.acceptance-due",
        "DeliveryAccepted,ACCEPTED,,seller,deal.delivery-accepted",
        "DeliveryAcceptedAutomatically,ACCEPTED,,seller,deal.delivery-accepted",
        "DealCompleted,COMPLETED,,seller buyer,deal.completed",
        "DisputeOpened,DISPUTED,,seller buyer,deal.disputed",
        "FundingDefaulted,DEFAULTED,,seller buyer,deal.ended",
        "DealCancelled,CANCELLED,,seller buyer,deal.ended"
    })
    void eachDealStepTellsTheSideThatMustActNext(String step, String status, String by, String who, String kind) {
        List<MarketNotice> notices = MarketNotices.of(step(step, status, Optional.ofNullable(by)));

        assertThat(told(notices)).containsExactly(who.split(" "));
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.noticeKind()).isEqualTo(kind);
            assertThat(n.noticeSubjectType()).isEqualTo("deal");
            assertThat(n.noticeSubjectId()).isEqualTo("deal-1");
        });
    }

    @Test
    void aStepThatLeavesNoOneWaitingTellsNoOne() {
        assertThat(MarketNotices.of(step("ContractSigned", "SIGNED", Optional.of("buyer"))))
                .isEmpty();
        assertThat(MarketNotices.of(step("RoyaltyReported", "COMPLETED", Optional.empty())))
                .isEmpty();
    }

    @Test
    void theOutbidLeaderHearsTheNewPrice() {
        List<MarketNotice> notices = MarketNotices.of(
                new LeadTaken("listing-1", "venue-1", "bid-2", "new", "old", Money.of(1_250_000_00L, "CNY"), AT));

        assertThat(told(notices)).containsExactly("old");
        assertThat(notices.get(0).noticeKind()).isEqualTo("listing.outbid");
        assertThat(notices.get(0).noticeSummary()).contains("1,250,000.00 CNY");
    }

    @Test
    void everyKindFiledHereIsOneAWebhookMayTake() {
        assertThat(NoticeKind.of("listing.outbid")).contains(NoticeKind.OUTBID);
        assertThat(NoticeKind.of("listing.bid")).isEmpty();
    }
}
