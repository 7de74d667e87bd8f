package org.techmarket.asset.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.shared.Rejection;

/** Walks every pair of dispute statuses: an OPEN dispute is upheld or dismissed, and a decision is final. */
class OwnershipDisputeStatusTest {

    private static final Set<String> ALLOWED = Set.of("OPEN>UPHELD", "OPEN>DISMISSED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OwnershipDisputeStatus.values())
                .flatMap(from -> Arrays.stream(OwnershipDisputeStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableSaysWhatADisputeMayBecome(OwnershipDisputeStatus from, OwnershipDisputeStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canBecome(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(
                            Rejection.class, r -> assertThat(r.code()).isEqualTo("DISPUTE_ALREADY_DECIDED"));
        }
    }
}
