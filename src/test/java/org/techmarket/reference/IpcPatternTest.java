package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpcPatternTest {

    @Test
    void aRunOfSubgroupsTakesEverySubgroupBetweenItsEndsAndTheirExtensions() {
        IpcPattern storage = IpcPattern.parse("H02J 3/28-32");
        assertThat(storage.matches(IpcCode.parse("H02J 3/28"))).isTrue();
        assertThat(storage.matches(IpcCode.parse("H02J 3/30"))).isTrue();
        assertThat(storage.matches(IpcCode.parse("H02J 3/32"))).isTrue();
        assertThat(storage.matches(IpcCode.parse("H02J 3/322"))).isTrue();
        assertThat(storage.matches(IpcCode.parse("H02J 3/26"))).isFalse();
        assertThat(storage.matches(IpcCode.parse("H02J 3/34"))).isFalse();
        assertThat(storage.matches(IpcCode.parse("H02J 3/00"))).isFalse();
        assertThat(storage.matches(IpcCode.parse("H02J 13/30"))).isFalse();
        assertThat(storage.matches(IpcCode.parse("H02J"))).isFalse();
    }

    @Test
    void aSubgroupTakesTheSubgroupsThatExtendItsNumber() {
        IpcPattern headUp = IpcPattern.parse("G02B 27/01");
        assertThat(headUp.matches(IpcCode.parse("G02B 27/01"))).isTrue();
        assertThat(headUp.matches(IpcCode.parse("G02B 27/017"))).isTrue();
        assertThat(headUp.matches(IpcCode.parse("G02B 27/0172"))).isTrue();
        assertThat(headUp.matches(IpcCode.parse("G02B 27/02"))).isFalse();
        assertThat(headUp.matches(IpcCode.parse("G02B 27/00"))).isFalse();
    }

    @Test
    void coarserPatternsMatchByContainment() {
        assertThat(IpcPattern.parse("H10").matches(IpcCode.parse("H10B 12/00"))).isTrue();
        assertThat(IpcPattern.parse("G06N 10/00").matches(IpcCode.parse("G06N 10/40")))
                .isTrue();
        assertThat(IpcPattern.parse("G06N 10/00").matches(IpcCode.parse("G06N")))
                .isFalse();
    }

    @Test
    void aCodeOfAnotherSubclassOrCoarserThanThePatternIsRefused() {
        IpcPattern storage = IpcPattern.parse("H02J 3/28-32");
        assertThat(storage.matches(IpcCode.parse("H02K 3/30"))).isFalse();
        assertThat(storage.matches(IpcCode.parse("H02"))).isFalse();
        assertThat(storage.matches(IpcCode.parse("H"))).isFalse();
        assertThat(IpcPattern.parse("H10").matches(IpcCode.parse("H01L 31/04"))).isFalse();
        assertThat(IpcPattern.parse("H10").matches(IpcCode.parse("H10"))).isTrue();
        assertThat(IpcPattern.parse("B64G 1/16").matches(IpcCode.parse("B64C 1/16")))
                .isFalse();
        assertThat(IpcPattern.parse("B64G 1/16").matches(IpcCode.parse("B64G 1/16")))
                .isTrue();
    }

    @Test
    void deeperPatternsRankHigher() {
        assertThat(IpcPattern.parse("G06N 10/00").depth())
                .isGreaterThan(IpcPattern.parse("G06N").depth());
        assertThat(IpcPattern.parse("G06N 3/063").depth())
                .isGreaterThan(IpcPattern.parse("G06N 3/00").depth());
    }

    @Test
    void refusesARunThatIsNotOneOfSubgroups() {
        assertThatThrownBy(() -> IpcPattern.parse("H02J-32")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> IpcPattern.parse("H02J 3/32-28")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpcPattern.parse("H02J 3/28-x")).isInstanceOf(IllegalArgumentException.class);
    }
}
