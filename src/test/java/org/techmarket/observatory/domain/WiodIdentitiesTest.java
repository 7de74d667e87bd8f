package org.techmarket.observatory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.techmarket.observatory.application.TableResources;

/**
 * On the WIOD 2011 table (41 countries × 35 industries) the decompositions keep their accounting identities: the
 * nine KWW terms, each computed from its own formula, add up to each country's gross exports; the domestic value
 * added in final goods exports and the foreign value added in them add up to those exports; a country's foreign
 * value added is the same whether read from KWW or from the Leontief decomposition.
 */
class WiodIdentitiesTest {

    private static IoTable published;
    private static LeontiefModel model;
    private static List<KwwTerms> kww;
    private static List<CountryGvc> gvc;

    @BeforeAll
    static void decompose() {
        published = TableResources.read("observatory/wiod2011");
        model = LeontiefModel.of(published.balanced());
        kww = KwwDecomposition.of(model);
        gvc = GvcParticipation.of(model);
    }

    @Test
    void theTableIsWiods() {
        assertThat(published.countries()).hasSize(41).startsWith("AUS", "AUT").endsWith("RoW");
        assertThat(published.industries()).hasSize(35).startsWith("c1", "c2").endsWith("c35");
        assertThat(published.size()).isEqualTo(1_435);
        // Rounded to whole millions: published output and row totals differ, but only by rounding.
        assertThat(published.largestImbalance()).isPositive().isLessThan(200);
    }

    @Test
    void theNineTermsAddUpToGrossExportsInEveryCountry() {
        assertThat(kww).hasSize(41);
        for (KwwTerms terms : kww) {
            assertThat(terms.grossExports()).as(terms.country()).isPositive();
            assertThat(terms.sum())
                    .as(terms.country())
                    .isCloseTo(terms.grossExports(), within(1e-9 * terms.grossExports()));
        }
    }

    @Test
    void finalGoodsExportsAreTheirDomesticAndForeignValueAdded() {
        for (int s = 0; s < kww.size(); s++) {
            double finalExports = 0;
            for (int i = 0; i < model.industries(); i++) {
                int row = s * model.industries() + i;
                for (int c = 0; c < model.countries(); c++) {
                    finalExports += c == s ? 0 : model.finalDemand(row, c);
                }
            }
            KwwTerms terms = kww.get(s);
            assertThat(terms.dvaFin() + terms.fvaFin())
                    .as(terms.country())
                    .isCloseTo(finalExports, within(1e-9 * terms.grossExports()));
        }
    }

    @Test
    void foreignValueAddedIsTheSameByKwwAndByTheLeontiefDecomposition() {
        for (int s = 0; s < kww.size(); s++) {
            assertThat(gvc.get(s).whole().fv())
                    .as(kww.get(s).country())
                    .isCloseTo(
                            kww.get(s).foreignContent(),
                            within(1e-9 * kww.get(s).grossExports()));
        }
    }

    @Test
    void everyUnitOfOutputIsValueAddedSomewhere() {
        // Σ_i v_i B_ij = 1 for every industry j that produces: the columns of v̂B sum to one.
        double[] perUnit = model.valueAddedPerUnit();
        for (int j = 0; j < model.size(); j++) {
            if (model.table().output(j) != 0) {
                assertThat(perUnit[j]).as("column %d", j).isCloseTo(1.0, within(1e-9));
            }
        }
    }

    @Test
    void aCountrysIndicesAreItsIndustriesSummed() {
        CountryGvc china = gvc.get(published.countries().indexOf("CHN"));
        GvcIndices summed = china.industries().stream()
                .map(CountryGvc.IndustryGvc::indices)
                .reduce(GvcIndices.none(), GvcIndices::plus);
        assertThat(china.whole().iv()).isCloseTo(summed.iv(), within(1e-6));
        assertThat(china.whole().fv()).isCloseTo(summed.fv(), within(1e-6));
        assertThat(china.whole().grossExports()).isCloseTo(2_084_965, within(0.5));
        // Korea takes in more foreign value added than it supplies to others' exports; Russia, a raw-material
        // supplier, the reverse: downstream and upstream.
        assertThat(gvc.get(published.countries().indexOf("KOR")).whole().position())
                .isNegative();
        assertThat(gvc.get(published.countries().indexOf("RUS")).whole().position())
                .isPositive();
    }
}
