package org.techmarket.observatory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.techmarket.observatory.application.TableResources;

/**
 * decompr's {@code leather} example (3 countries × 3 industries) gives the results that decompr 6.8.0 computes from
 * it; the observatory reproduces them to 1e-6.
 */
class LeatherDecompositionTest {

    private static final double TOLERANCE = 1e-6;
    private static final String LEATHER = "observatory/leather";

    private final LeontiefModel model = LeontiefModel.of(TableResources.read(LEATHER));

    @Test
    void theLeontiefDecompositionOfExportsIsDecomprs() throws IOException {
        DMatrixRMaj fvax = model.valueAddedInExports();
        List<String[]> expected = rows("expected_leontief_exports");
        assertThat(expected).hasSize(81);
        IoTable table = model.table();
        for (String[] row : expected) {
            int source = table.index(
                    table.countries().indexOf(row[0]), table.industries().indexOf(row[1]));
            int using = table.index(
                    table.countries().indexOf(row[2]), table.industries().indexOf(row[3]));
            assertThat(fvax.get(source, using))
                    .as("%s.%s in the exports of %s.%s", row[0], row[1], row[2], row[3])
                    .isCloseTo(Double.parseDouble(row[4]), within(TOLERANCE));
        }
    }

    @Test
    void theKoopmanWangWeiTermsAreDecomprs() throws IOException {
        List<KwwTerms> terms = KwwDecomposition.of(model);
        List<String[]> expected = rows("expected_kww");
        assertThat(terms).extracting(KwwTerms::country).containsExactly("Argentina", "Turkey", "Germany");
        for (String[] row : expected) {
            KwwTerms mine = terms.stream()
                    .filter(t -> t.country().equals(row[0]))
                    .findFirst()
                    .orElseThrow();
            double[] values = {
                mine.dvaFin(),
                mine.dvaInt(),
                mine.dvaIntrex(),
                mine.rdvFin(),
                mine.rdvInt(),
                mine.ddc(),
                mine.fvaFin(),
                mine.fvaInt(),
                mine.fdc()
            };
            for (int term = 0; term < values.length; term++) {
                assertThat(values[term])
                        .as("%s, term %d", row[0], term + 1)
                        .isCloseTo(Double.parseDouble(row[term + 1]), within(TOLERANCE));
            }
            assertThat(mine.sum()).isCloseTo(mine.grossExports(), within(TOLERANCE));
        }
    }

    @Test
    void aCountrysForeignValueAddedIsTheForeignContentOfItsExports() {
        List<KwwTerms> terms = KwwDecomposition.of(model);
        List<CountryGvc> gvc = GvcParticipation.of(model);
        for (int s = 0; s < terms.size(); s++) {
            assertThat(gvc.get(s).whole().fv()).isCloseTo(terms.get(s).foreignContent(), within(TOLERANCE));
            assertThat(gvc.get(s).whole().grossExports()).isCloseTo(terms.get(s).grossExports(), within(TOLERANCE));
        }
    }

    @Test
    void solvingWithTheLuAgreesWithTheWholeInverse() {
        DMatrixRMaj b = model.leontiefInverse();
        double[] w = {1, -2, 3, 0.5, 0, 7, -1, 2, 4};
        double[] bw = model.times(w);
        double[] wb = model.timesTransposed(w);
        for (int i = 0; i < w.length; i++) {
            double row = 0;
            double col = 0;
            for (int j = 0; j < w.length; j++) {
                row += b.get(i, j) * w[j];
                col += w[j] * b.get(j, i);
            }
            assertThat(bw[i]).isCloseTo(row, within(1e-12));
            assertThat(wb[i]).isCloseTo(col, within(1e-12));
        }
    }

    private static List<String[]> rows(String name) throws IOException {
        try (Reader reader = TableResources.open(LEATHER, name);
                BufferedReader lines = new BufferedReader(reader)) {
            return lines.lines()
                    .skip(1)
                    .map(line -> line.replace("\"", "").split(","))
                    .toList();
        }
    }
}
