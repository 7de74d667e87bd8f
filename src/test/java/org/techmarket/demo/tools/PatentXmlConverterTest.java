package org.techmarket.demo.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

class PatentXmlConverterTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A45F  504|A45F 5/04",
                "C07C24900|C07C 249/00",
                "H01L 21302|H01L 21/302",
                "H01L 2994|H01L 29/94",
                "7G06F 1700|G06F 17/00",
                "' H01L021/00'|H01L 21/00"
            })
    void readsFixedWidthEditionSevenSymbols(String symbol, String canonical) {
        assertThat(PatentXmlConverter.legacyIpc(symbol)).contains(canonical);
    }

    @Test
    void refusesSymbolsWithoutGroups() {
        assertThat(PatentXmlConverter.legacyIpc("G06F")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "06836899,US6836899",
        "D0513425,USD513425",
        "RE039000,USRE39000",
        "PP018398,USPP18398",
        "H0002140,USH2140"
    })
    void dropsLeadingZerosFromDocumentNumbers(String docNumber, String normalised) {
        assertThat(PatentXmlConverter.normaliseNumber(docNumber)).isEqualTo(normalised);
    }

    @Test
    void takesTheAssigneeNotTheAgentsLawFirm() {
        Document grant = PatentXmlConverter.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v42-2006-08-23.dtd" [ ]>
                <us-patent-grant>
                <us-bibliographic-data-grant>
                <publication-reference><document-id><country>US</country><doc-number>07000001</doc-number>
                <kind>B2</kind><date>20060214</date></document-id></publication-reference>
                <application-reference><document-id><country>US</country><doc-number>10123456</doc-number>
                <date>20030102</date></document-id></application-reference>
                <classifications-ipcr><classification-ipcr><section>G</section><class>06</class>
                <subclass>N</subclass><main-group>003</main-group><subgroup>8</subgroup></classification-ipcr>
                </classifications-ipcr>
                <invention-title>Learning
                  machine</invention-title>
                <parties>
                <applicants><applicant><addressbook><last-name>Doe</last-name><first-name>Jane</first-name>
                </addressbook></applicant></applicants>
                <agents><agent><addressbook><orgname>Example &amp; Partners LLP</orgname></addressbook></agent></agents>
                </parties>
                <assignees><assignee><addressbook><orgname>Acme Corp.</orgname></addressbook></assignee></assignees>
                </us-bibliographic-data-grant>
                <abstract><p>A machine\tthat <b>learns</b>.</p></abstract>
                <claims><claim><claim-text>1. A machine comprising:<claim-text>a part.</claim-text></claim-text></claim>
                <claim><claim-text>2. The machine of claim 1.</claim-text></claim></claims>
                </us-patent-grant>
                """.strip());

        Optional<String> line = PatentXmlConverter.grantLine(grant);

        assertThat(line)
                .contains(String.join(
                        "\t",
                        "US7000001",
                        "B2",
                        "Learning machine",
                        "A machine that learns.",
                        "1. A machine comprising: a part.",
                        "G06N 3/08",
                        "Acme Corp.",
                        "2003-01-02",
                        "2006-02-14"));
    }
}
