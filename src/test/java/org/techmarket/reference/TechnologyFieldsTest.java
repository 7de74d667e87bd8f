package org.techmarket.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TechnologyFieldsTest {

    private final TechnologyFields fields = TechnologyFields.load();

    @Test
    void listsTheThirtyFiveFieldsInFiveSectorsInIdOrder() {
        assertThat(fields.all()).hasSize(35);
        assertThat(fields.all())
                .extracting(TechnologyField::id)
                .isSorted()
                .startsWith(1)
                .endsWith(35);
        assertThat(fields.all())
                .extracting(TechnologyField::sector)
                .containsOnly(
                        "Electrical engineering", "Instruments", "Chemistry", "Mechanical engineering", "Other fields");
        assertThat(TechnologyFields.load()).isSameAs(fields);
    }

    @Test
    void findsTheFieldOfASubclassPrefix() {
        assertThat(fields.of(IpcCode.parse("G06N 3/08")))
                .containsExactly(new TechnologyField(6, "Electrical engineering", "Computer technology"));
        assertThat(fields.of(IpcCode.parse("H01L 21/02")))
                .extracting(TechnologyField::name)
                .containsExactly("Semiconductors");
        assertThat(fields.of(IpcCode.parse("H02S 40/38")))
                .extracting(TechnologyField::id)
                .containsExactly(1);
    }

    @Test
    void findsTheFieldOfAMainGroupPrefix() {
        assertThat(fields.of(IpcCode.parse("A61K 8/02")))
                .extracting(TechnologyField::name)
                .containsExactly("Organic fine chemistry");
        assertThat(fields.of(IpcCode.parse("A61K 31/00")))
                .extracting(TechnologyField::name)
                .containsExactly("Pharmaceuticals");
        assertThat(fields.of(IpcCode.parse("C13B 10/02")))
                .extracting(TechnologyField::name)
                .containsExactly("Food chemistry");
    }

    @Test
    void aCoarseCodeGetsEveryFieldItSpansDistinctAndOrdered() {
        assertThat(fields.of(IpcCode.parse("A61K")))
                .extracting(TechnologyField::id)
                .containsExactly(14, 16);
        assertThat(fields.of(IpcCode.parse("G06")))
                .extracting(TechnologyField::id)
                .containsExactly(6, 7);
    }

    @Test
    void aCodeOutsideTheConcordanceGetsNoField() {
        assertThat(fields.of(IpcCode.parse("A61K 99/00"))).isEmpty();
    }
}
