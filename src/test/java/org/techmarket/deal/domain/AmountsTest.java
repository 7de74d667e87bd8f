package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void percentagesAreWrittenFromBasisPoints() {
        assertThat(Amounts.percent(350)).isEqualTo("3.50%");
        assertThat(Amounts.percent(5)).isEqualTo("0.05%");
        assertThat(Amounts.percent(10_000)).isEqualTo("100.00%");
    }
}
