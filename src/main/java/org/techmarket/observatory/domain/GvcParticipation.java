package org.techmarket.observatory.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes Koopman et al. (2010)'s GVC indices from the Leontief decomposition of exports {@code v̂ B Ê}: for
 * industry {@code i} of country {@code s}, {@code FV} is the foreign value added in its exports,
 * {@code E_si Σ_{t≠s} v_t B_t,si}, and {@code IV} its value added in the exports of other countries,
 * {@code v_si Σ_{r≠s} B_si,r E_r}. A country's figures are the sums over its industries; its FV equals KWW's
 * {@code FVA_FIN + FVA_INT + FDC}.
 */
public final class GvcParticipation {

    private GvcParticipation() {}

    /** Every country of the model's table, with its industries. */
    public static List<CountryGvc> of(LeontiefModel model) {
        int n = model.size();
        int industries = model.industries();
        List<CountryGvc> countries = new ArrayList<>(model.countries());
        for (int s = 0; s < model.countries(); s++) {
            int first = s * industries;
            double[] foreignExports = new double[n];
            for (int row = 0; row < n; row++) {
                foreignExports[row] = model.countryOf(row) == s ? 0 : model.exports(row);
            }
            double[] output = model.times(foreignExports);
            double[] foreign = KwwDecomposition.foreignValueAddedMultipliers(model, s);
            List<CountryGvc.IndustryGvc> rows = new ArrayList<>(industries);
            GvcIndices whole = GvcIndices.none();
            for (int i = 0; i < industries; i++) {
                int row = first + i;
                double e = model.exports(row);
                GvcIndices indices = new GvcIndices(e, model.valueAdded(row) * output[row], foreign[i] * e);
                rows.add(new CountryGvc.IndustryGvc(model.table().industries().get(i), indices));
                whole = whole.plus(indices);
            }
            countries.add(new CountryGvc(model.table().countries().get(s), whole, rows));
        }
        return countries;
    }
}
