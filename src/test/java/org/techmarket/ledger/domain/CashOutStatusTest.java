package org.techmarket.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

/** Walks every pair of cash-out statuses: a pending withdrawal is confirmed or cancelled, once. */
class CashOutStatusTest {

    private static final Set<String> ALLOWED = Set.of("PENDING>CONFIRMED", "PENDING>CANCELLED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(CashOutStatus.values())
                .flatMap(from -> Arrays.stream(CashOutStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableSaysWhatAWithdrawalMayBecome(CashOutStatus from, CashOutStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("INVALID_STATUS_TRANSITION"));
        }
    }
}
