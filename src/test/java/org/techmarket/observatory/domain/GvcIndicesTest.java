package org.techmarket.observatory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Koopman et al.'s participation and position from IV, FV and gross exports. */
class GvcIndicesTest {

    @Test
    void participationIsBothSharesAndPositionTheirLogRatio() {
        GvcIndices indices = new GvcIndices(200, 50, 20);
        assertThat(indices.ivShare()).isEqualTo(0.25);
        assertThat(indices.fvShare()).isEqualTo(0.10);
        assertThat(indices.participation()).isCloseTo(0.35, within(1e-15));
        assertThat(indices.position()).isCloseTo(Math.log(1.25) - Math.log(1.10), within(1e-15));
    }

    @Test
    void aSupplierOfInputsIsUpstreamAndAnAssemblerDownstream() {
        assertThat(new GvcIndices(100, 30, 5).position()).isPositive();
        assertThat(new GvcIndices(100, 5, 30).position()).isNegative();
        assertThat(new GvcIndices(100, 10, 10).position()).isZero();
    }

    @Test
    void summingWeighsByExports() {
        GvcIndices small = new GvcIndices(10, 5, 0);
        GvcIndices large = new GvcIndices(90, 0, 9);
        GvcIndices both = small.plus(large);
        assertThat(both.grossExports()).isEqualTo(100);
        assertThat(both.ivShare()).isEqualTo(0.05);
        assertThat(both.fvShare()).isEqualTo(0.09);
    }

    @Test
    void anIndustryThatDoesNotExportHasNoShareRatherThanNotANumber() {
        GvcIndices idle = new GvcIndices(0, 0, 0);
        assertThat(idle.participation()).isZero();
        assertThat(idle.position()).isZero();
    }
}
