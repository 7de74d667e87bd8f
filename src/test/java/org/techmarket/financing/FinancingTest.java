package org.techmarket.financing;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.techmarket.support.IntegrationTest;
import org.techmarket.support.MovableClock;
import org.techmarket.support.MovableClockConfiguration;

/** Base of the financing integration tests: the market on a clock they may move, and the kit to borrow with. */
@Import(MovableClockConfiguration.class)
abstract class FinancingTest extends IntegrationTest {

    @Autowired
    MovableClock clock;

    LoanKit kit;

    @BeforeEach
    void kit() {
        kit = new LoanKit(api, fixtures, clock);
    }

    @AfterEach
    void clockBack() {
        clock.shift(Duration.ZERO);
    }
}
