package org.techmarket.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.techmarket.demand.domain.NeedStatus;
import org.techmarket.shared.Rejection;

/** Walks every pair of need statuses: a draft is published or closed; a published need ends once; ends are final. */
class NeedStatusTest {

    private static final Set<String> ALLOWED =
            Set.of("DRAFT>PUBLISHED", "DRAFT>CLOSED", "PUBLISHED>FULFILLED", "PUBLISHED>CLOSED", "PUBLISHED>EXPIRED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(NeedStatus.values())
                .flatMap(from -> Arrays.stream(NeedStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheTableSaysWhatANeedMayBecome(NeedStatus from, NeedStatus to) {
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
