package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.techmarket.demand.domain.ChallengeTerms;
import org.techmarket.demand.domain.Criterion;
import org.techmarket.demand.domain.Milestone;
import org.techmarket.demand.domain.MilestonePayments;
import org.techmarket.demand.domain.Proposal;
import org.techmarket.demand.domain.ProposalStatus;
import org.techmarket.demand.domain.Scorecard;
import org.techmarket.demand.domain.Scorecard.Score;
import org.techmarket.shared.Money;
import org.techmarket.shared.Rejection;

/** A challenge's rules: milestones within the reward, whole weights, scorecards, prices and how milestones pay. */
class ChallengeRulesTest {

    private static final LocalDate DAY = LocalDate.of(2030, 1, 1);
    private static final List<Criterion> CRITERIA = List.of(new Criterion("technology", 60), new Criterion("team", 40));

    static Milestone milestone(long yuan, LocalDate due) {
        return new Milestone("Stage", "A report", Money.cny(yuan * 100), due);
    }

    static ChallengeTerms terms(long reward, List<Milestone> milestones, List<Criterion> criteria) {
        return new ChallengeTerms(Money.cny(reward * 100), milestones, "Verified institutes", criteria, List.of("u1"));
    }

    @Test
    void milestonesMaySumToTheRewardButNotBeyond() {
        assertThat(terms(100, List.of(milestone(40, DAY), milestone(60, DAY.plusDays(1))), CRITERIA)
                        .milestonesTotal())
                .isEqualTo(10_000);
        assertCode(
                () -> terms(100, List.of(milestone(40, DAY), milestone(61, DAY.plusDays(1))), CRITERIA),
                "MILESTONES_EXCEED_REWARD");
    }

    @Test
    void milestonesFallDueOnAscendingDates() {
        assertCode(
                () -> terms(100, List.of(milestone(40, DAY), milestone(10, DAY)), CRITERIA), "MILESTONES_OUT_OF_ORDER");
    }

    @Test
    void weightsSumToExactlyAHundredWithNoCriterionTwice() {
        assertCode(
                () -> terms(100, List.of(milestone(1, DAY)), List.of(new Criterion("a", 50), new Criterion("b", 49))),
                "CRITERIA_WEIGHTS_NOT_100");
        assertCode(
                () -> terms(100, List.of(milestone(1, DAY)), List.of(new Criterion("a", 50), new Criterion("a", 50))),
                "CRITERIA_WEIGHTS_NOT_100");
        assertCode(() -> new Criterion("a", 0), "CRITERIA_WEIGHTS_NOT_100");
    }

    @Test
    void aScorecardScoresEveryCriterionOnceFromZeroToAHundred() {
        Scorecard card = Scorecard.of(CRITERIA, List.of(new Score("technology", 80), new Score("team", 50)));
        assertThat(card.total(CRITERIA)).isEqualTo(60 * 80 + 40 * 50);
        assertCode(() -> Scorecard.of(CRITERIA, List.of(new Score("technology", 80))), "UNKNOWN_CRITERION");
        assertCode(
                () -> Scorecard.of(CRITERIA, List.of(new Score("technology", 80), new Score("price", 50))),
                "UNKNOWN_CRITERION");
        assertCode(
                () -> Scorecard.of(CRITERIA, List.of(new Score("technology", 101), new Score("team", 50))),
                "INVALID_SCORE");
        assertCode(
                () -> Scorecard.of(CRITERIA, List.of(new Score("technology", -1), new Score("team", 50))),
                "INVALID_SCORE");
    }

    @Test
    void aPriceIsAtMostTheReward() {
        ChallengeTerms terms = terms(100, List.of(milestone(50, DAY)), CRITERIA);
        proposal(10_000).requireWithin(terms);
        assertCode(() -> proposal(10_001).requireWithin(terms), "PRICE_ABOVE_REWARD");
    }

    @Test
    void milestonesPayTheirShareOfThePriceToTheFen() {
        assertThat(MilestonePayments.split(1_000, List.of(200L, 300L, 500L))).containsExactly(200L, 300L, 500L);
        assertThat(MilestonePayments.split(100, List.of(1L, 1L, 1L))).containsExactly(33L, 33L, 34L);
        assertThat(MilestonePayments.split(3, List.of(1L, 999_999L, 1L))).containsExactly(1L, 1L, 1L);
        List<Long> big = MilestonePayments.split(Long.MAX_VALUE / 2, List.of(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4));
        assertThat(big.stream().mapToLong(Long::longValue).sum()).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(big).allSatisfy(part -> assertThat(part).isPositive());
    }

    private static Proposal proposal(long fen) {
        return new Proposal(
                "p",
                "c",
                "o",
                "A summary",
                "A plan",
                Money.cny(fen),
                List.of("Dr. Li"),
                ProposalStatus.SUBMITTED,
                null);
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        Rejection.class, r -> assertThat(r.code()).isEqualTo(code));
    }
}
