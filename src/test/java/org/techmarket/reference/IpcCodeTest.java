package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.techmarket.shared.Rejection;

class IpcCodeTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "G06N 3/08      | G06N 3/08 | SUBGROUP",
                "G06N3/08       | G06N 3/08 | SUBGROUP",
                "' g06n  3 / 08'| G06N 3/08 | SUBGROUP",
                "G06N   3/08    | G06N 3/08 | SUBGROUP",
                "G06N 0003/080000 | G06N 3/08 | SUBGROUP",
                "H01L 21/4763   | H01L 21/4763 | SUBGROUP",
                "G06N 3/00      | G06N 3/00 | MAIN_GROUP",
                "A61K 135/000   | A61K 135/00 | MAIN_GROUP",
                "G06N           | G06N | SUBCLASS",
                "G06            | G06 | CLASS",
                "G              | G | SECTION",
            })
    void normalizesEveryAcceptedSpelling(String input, String canonical, IpcCode.Level level) {
        IpcCode code = IpcCode.parse(input);
        assertThat(code.text()).isEqualTo(canonical);
        assertThat(code).hasToString(canonical);
        assertThat(code.level()).isEqualTo(level);
        assertThat(code).isEqualTo(new IpcCode(canonical));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "I06N",
                "Z01B",
                "G6",
                "G06NN",
                "G06N 3",
                "G06N 3/8",
                "G06N 12345/08",
                "G06N 3/0812345",
                "G06N 0/08",
                "G06N-3/08",
                "06N 3/08",
                "G06N 3/08 x"
            })
    void refusesMalformedCodesWithAStableCode(String input) {
        assertThatThrownBy(() -> IpcCode.parse(input)).isInstanceOfSatisfying(Rejection.class, rejection -> {
            assertThat(rejection.code()).isEqualTo("INVALID_IPC");
            assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
            assertThat(rejection.errors())
                    .extracting(Rejection.FieldError::field)
                    .containsExactly("ipc");
        });
    }

    @Test
    void explainsAWrongSectionLetter() {
        assertThatThrownBy(() -> IpcCode.parse("Z01B")).hasMessageContaining("section letter must be A to H");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> IpcCode.parse(null)).isInstanceOf(Rejection.class);
    }

    @Test
    void buildsFromThePartsOfUsptoGrantXml() {
        // <classification-ipcr> of US 8,418,612 and similar grants: section, class, subclass, main-group, subgroup
        assertThat(IpcCode.of("H", "05", "K", "3", "02")).isEqualTo(IpcCode.parse("H05K 3/02"));
        assertThat(IpcCode.of("F", "02", "D", "9", "10")).hasToString("F02D 9/10");
        assertThat(IpcCode.of("B", "32", "B", "37", "00").level()).isEqualTo(IpcCode.Level.MAIN_GROUP);
        assertThat(IpcCode.of("G", "06", "N", "3", null)).hasToString("G06N 3/00");
        assertThat(IpcCode.of("G", "06", "N", " ", "")).hasToString("G06N");
        assertThat(IpcCode.of("g", "06", null, null, null)).hasToString("G06");
    }

    @Test
    void refusesPartsThatSkipALevel() {
        assertThatThrownBy(() -> IpcCode.of("G", "06", "N", null, "08"))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("subgroup (08) but no main group");
        assertThatThrownBy(() -> IpcCode.of("G", "6", "N", "3", "08"))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("'6' is not an IPC class");
    }

    @Test
    void readsTheFixedWidthFormOfOlderGrantXml() {
        assertThat(IpcCode.parseFixedWidth("H01L 21461")).hasToString("H01L 21/461");
        assertThat(IpcCode.parseFixedWidth("A45F  504")).hasToString("A45F 5/04");
        assertThat(IpcCode.parseFixedWidth("C07C24900")).hasToString("C07C 249/00");
        assertThat(IpcCode.parseFixedWidth("G06K")).hasToString("G06K");
        assertThatThrownBy(() -> IpcCode.parseFixedWidth("H01L 2")).isInstanceOf(Rejection.class);
    }

    @Test
    void namesItsSubclassSectionAndMainGroup() {
        IpcCode code = IpcCode.parse("G06N 3/08");
        assertThat(code.subclass()).isEqualTo("G06N");
        assertThat(code.section()).isEqualTo("G");
        assertThat(code.mainGroup()).contains(IpcCode.parse("G06N 3/00"));
        assertThat(IpcCode.parse("G06N").mainGroup()).isEmpty();
        assertThat(IpcCode.parse("G06").subclass()).isEqualTo("G06");
    }

    @Test
    void higherLevelsContainEverythingBelowThem() {
        IpcCode subgroup = IpcCode.parse("G06N 3/08");
        assertThat(IpcCode.parse("G").contains(subgroup)).isTrue();
        assertThat(IpcCode.parse("G06").contains(subgroup)).isTrue();
        assertThat(IpcCode.parse("G06N").contains(subgroup)).isTrue();
        assertThat(IpcCode.parse("G06N").contains(IpcCode.parse("G06N"))).isTrue();
        assertThat(IpcCode.parse("G06F").contains(subgroup)).isFalse();
        assertThat(IpcCode.parse("G06N").contains(IpcCode.parse("G06"))).isFalse();
    }

    @Test
    void aMainGroupContainsItsSubgroupsOnly() {
        IpcCode mainGroup = IpcCode.parse("G06N 3/00");
        assertThat(mainGroup.contains(IpcCode.parse("G06N 3/08"))).isTrue();
        assertThat(mainGroup.contains(IpcCode.parse("G06N 3/0464"))).isTrue();
        assertThat(mainGroup.contains(mainGroup)).isTrue();
        assertThat(mainGroup.contains(IpcCode.parse("G06N 30/08"))).isFalse();
        assertThat(mainGroup.contains(IpcCode.parse("G06N 5/00"))).isFalse();
        assertThat(mainGroup.contains(IpcCode.parse("G06N"))).isFalse();
    }

    @Test
    void aSubgroupContainsOnlyItself() {
        IpcCode subgroup = IpcCode.parse("G06N 3/08");
        assertThat(subgroup.contains(IpcCode.parse("G06N3/08"))).isTrue();
        assertThat(subgroup.contains(IpcCode.parse("G06N 3/084"))).isFalse();
        assertThat(subgroup.contains(IpcCode.parse("G06N 3/00"))).isFalse();
    }

    @Test
    void overlapsWhenEitherContainsTheOther() {
        IpcCode subclass = IpcCode.parse("G06N");
        IpcCode subgroup = IpcCode.parse("G06N 3/08");
        assertThat(subclass.overlaps(subgroup)).isTrue();
        assertThat(subgroup.overlaps(subclass)).isTrue();
        assertThat(subgroup.overlaps(IpcCode.parse("G06N 3/084"))).isFalse();
        assertThat(subgroup.overlaps(IpcCode.parse("H04W"))).isFalse();
    }
}
