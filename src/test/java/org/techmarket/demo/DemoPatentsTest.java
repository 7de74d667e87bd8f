package org.techmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoPatentsTest {

    // Agents named in the source XML ahead of the assignee; a naive "first <orgname>" would pick them.
    private static final Set<String> LAW_FIRMS = Set.of(
            "Alleman Hall McCoy Russell & Tuttle LLP",
            "Sughrue Mion, PLLC",
            "Birch, Stewart, Kolasch & Birch, LLP",
            "Oblon, Spivak, McClelland, Maier & Neustadt, P.C.",
            "Pillsbury Winthrop Shaw Pittman LLP",
            "Oliff & Berridge, PLC",
            "Foley & Lardner LLP",
            "Cantor Colburn LLP",
            "Fish & Richardson P.C.",
            "Finnegan, Henderson, Farabow, Garrett & Dunner, L.L.P.",
            "Nixon & Vanderhye, P.C.",
            "Thomas, Kayden, Horstemeyer & Risley, LLP",
            "Dickstein Shapiro LLP",
            "Fross Zelnick Lehrman & Zissu, P.C.",
            "SOLARIS Intellectual Property Group PLLC");

    private final List<DemoPatent> patents = DemoPatents.load();

    @Test
    void loadsEveryGrantOfTheNineWeeklySamples() {
        assertThat(patents).hasSize(225);
        assertThat(patents).allSatisfy(p -> {
            assertThat(p.number()).matches("US(D|PP|RE|H)?[1-9]\\d*");
            assertThat(p.title()).isNotBlank();
            assertThat(p.firstClaim()).isNotBlank();
            assertThat(p.assignee()).isNotBlank();
            assertThat(p.grantedOn()).isAfter(p.filedOn());
        });
        assertThat(patents).extracting(DemoPatent::number).doesNotHaveDuplicates();
    }

    @Test
    void readsTheFordOxygenSensorGrantAsPublished() {
        DemoPatent grant = patents.stream()
                .filter(p -> p.number().equals("US7861515"))
                .findFirst()
                .orElseThrow();

        assertThat(grant.kindCode()).isEqualTo("B2");
        assertThat(grant.title()).isEqualTo("Monitoring of exhaust gas oxygen sensor performance");
        assertThat(grant.assignee()).isEqualTo("Ford Global Technologies, LLC");
        assertThat(grant.ipc()).containsExactly("F01N 3/00");
        assertThat(grant.filedOn()).isEqualTo(LocalDate.of(2007, 7, 13));
        assertThat(grant.grantedOn()).isEqualTo(LocalDate.of(2011, 1, 4));
        assertThat(grant.abstractText()).startsWith("A method of monitoring a performance of an oxygen sensor");
        assertThat(grant.firstClaim()).startsWith("1. In an apparatus comprising an internal combustion engine");
        assertThat(grant.isDesign()).isFalse();
    }

    @Test
    void rewritesEditionSevenSymbolsOfTheOldestGrants() {
        DemoPatent grant = patents.stream()
                .filter(p -> p.number().equals("US6838391"))
                .findFirst()
                .orElseThrow();

        assertThat(grant.ipc()).containsExactly("H01L 21/302", "H01L 21/461");
    }

    @Test
    void takesTheAssigneeRatherThanTheAgent() {
        assertThat(patents).extracting(DemoPatent::assignee).doesNotContainAnyElementsOf(LAW_FIRMS);
    }

    @Test
    void writesEveryIpcCodeInCanonicalForm() {
        assertThat(patents)
                .flatExtracting(DemoPatent::ipc)
                .isNotEmpty()
                .allSatisfy(code -> assertThat(code).matches("[A-H]\\d{2}[A-Z] \\d{1,4}/\\d{2,6}"));
    }

    @Test
    void designsHaveNoAbstractAndNoIpc() {
        List<DemoPatent> designs = patents.stream().filter(DemoPatent::isDesign).toList();

        assertThat(designs).hasSize(24).allSatisfy(d -> {
            assertThat(d.kindCode()).isEqualTo("S1");
            assertThat(d.ipc()).isEmpty();
            assertThat(d.abstractText()).isEmpty();
        });
    }
}
