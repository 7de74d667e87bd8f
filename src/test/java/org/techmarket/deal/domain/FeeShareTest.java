package org.techmarket.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeeShareTest {

    @Test
    void theIntroducerTakesItsShareRoundedHalfUpAndTheListingVenueTheRest() {
        FeeShare share = FeeShare.of(30_864, 3000);
        assertThat(share.toIntroducer()).isEqualTo(9_259);
        assertThat(share.toListingVenue()).isEqualTo(21_605);
        assertThat(FeeShare.of(5, 5000).toIntroducer()).isEqualTo(3);
    }

    @Test
    void theSharesAlwaysSumToTheFee() {
        SplittableRandom random = new SplittableRandom(52);
        for (int i = 0; i < 100_000; i++) {
            long fee = random.nextLong(0, 1_000_000_000_000L);
            int share = random.nextInt(0, 10_001);
            FeeShare split = FeeShare.of(fee, share);
            assertThat(split.fee()).isEqualTo(fee);
            assertThat(split.toIntroducer()).isBetween(0L, fee);
        }
    }

    @Test
    void aShareOutsideZeroToTenThousandIsRefused() {
        assertThatThrownBy(() -> FeeShare.of(100, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeShare.of(100, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFeeStaysWithinItsBoundsAndNeverAbovethePayment() {
        Settlement bounded = new Settlement(250, 10_000, 50_000);
        assertThat(bounded.fee(100_000)).isEqualTo(10_000);
        assertThat(bounded.fee(1_234_567)).isEqualTo(30_864);
        assertThat(bounded.fee(100_000_000)).isEqualTo(50_000);
        assertThat(bounded.fee(5_000)).isEqualTo(5_000);
        assertThat(bounded.fee(0)).isZero();
        assertThat(bounded.release(1_234_567).total()).isEqualTo(1_234_567);
    }
}
