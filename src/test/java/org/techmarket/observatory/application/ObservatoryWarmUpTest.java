package org.techmarket.observatory.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

class ObservatoryWarmUpTest {

    @Test
    void theDecompositionStartsOnlyOnceTheMarketAcceptsTraffic() {
        ObservatoryFigures figures = new ObservatoryFigures(true);
        try {
            figures.startComputing(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
            assertThat(figures.computing(2011)).isFalse();

            figures.startComputing(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
            assertThat(figures.computing(2011)).isTrue();
        } finally {
            figures.stop();
        }
    }

    @Test
    void withoutTheWarmUpNothingStartsBeforeTheFirstQuestion() {
        ObservatoryFigures figures = new ObservatoryFigures(false);
        try {
            figures.startComputing(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
            assertThat(figures.computing(2011)).isFalse();
        } finally {
            figures.stop();
        }
    }
}
