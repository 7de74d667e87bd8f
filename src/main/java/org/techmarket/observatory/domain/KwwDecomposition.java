package org.techmarket.observatory.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The Koopman–Wang–Wei (2014) decomposition of each country's gross exports, with the terms as decompr 6.8 defines
 * them (its {@code kww()}), but every term computed from its own formula, none as a remainder, so that the terms
 * adding up to gross exports is a check rather than a definition. With {@code s} the exporter, {@code r, t} other
 * countries, {@code v^s} its value-added coefficients and {@code u^s = Σ_{t≠s} v^t B^ts}:
 *
 * <pre>
 * DVA_FIN    = v^s B^ss Σ_{r≠s} Y^sr
 * DVA_INT    = v^s Σ_{r≠s} B^sr Y^rr
 * DVA_INTrex = v^s Σ_{r≠s} B^sr Σ_{t≠s,r} Y^rt
 * RDV_FIN    = v^s Σ_{r≠s} B^sr Y^rs
 * RDV_INT    = v^s Σ_{r≠s} B^sr A^rs L^ss Y^ss
 * DDC        = v^s Σ_{r≠s} B^sr A^rs L^ss E^s
 * FVA_FIN    = u^s Σ_{r≠s} Y^sr
 * FVA_INT    = u^s Σ_{r≠s} A^sr L^rr Y^rr
 * FDC        = u^s Σ_{r≠s} A^sr L^rr E^r
 * </pre>
 *
 * With {@code r^s = (v ∘ 1_s)ᵀ B} (one transposed solve per country), the first six terms are dot products of
 * {@code r^s} with vectors, and {@code u^s} is {@code vᵀB − r^s} on the block of {@code s}: the whole decomposition
 * costs one LU decomposition and {@code G} solves.
 */
public final class KwwDecomposition {

    private KwwDecomposition() {}

    /** The nine terms for every country of the model's table, in the table's order. */
    public static List<KwwTerms> of(LeontiefModel model) {
        Vectors vectors = new Vectors(model);
        List<KwwTerms> terms = new ArrayList<>(model.countries());
        for (int s = 0; s < model.countries(); s++) {
            terms.add(country(model, vectors, s));
        }
        return terms;
    }

    private static KwwTerms country(LeontiefModel model, Vectors shared, int s) {
        int n = model.size();
        int industries = model.industries();
        int first = s * industries;
        int end = first + industries;
        double[] finalExports = new double[n];
        double[] absorbedByImporter = new double[n];
        double[] reExported = new double[n];
        double[] returnedFinal = new double[n];
        for (int row = 0; row < n; row++) {
            boolean home = row >= first && row < end;
            if (home) {
                finalExports[row] = shared.finalExports[row];
            } else {
                absorbedByImporter[row] = shared.ownFinalDemand[row];
                reExported[row] = shared.totalFinalDemand[row] - shared.ownFinalDemand[row] - model.finalDemand(row, s);
                returnedFinal[row] = model.finalDemand(row, s);
            }
        }
        double[] localFinal = new double[industries];
        double[] localExports = new double[industries];
        for (int i = 0; i < industries; i++) {
            for (int k = 0; k < industries; k++) {
                localFinal[i] += model.local(s, i, k) * model.finalDemand(first + k, s);
                localExports[i] += model.local(s, i, k) * model.exports(first + k);
            }
        }
        double[] returnedIntermediate = intoHome(model, s, localFinal);
        double[] doubleCounted = intoHome(model, s, localExports);

        double[] domestic = model.valueAddedOf(s);
        double dvaFin = dot(domestic, finalExports);
        double dvaInt = dot(domestic, absorbedByImporter);
        double dvaIntrex = dot(domestic, reExported);
        double rdvFin = dot(domestic, returnedFinal);
        double rdvInt = dot(domestic, returnedIntermediate);
        double ddc = dot(domestic, doubleCounted);

        double[] foreign = foreignValueAddedMultipliers(model, s);
        double fvaFin = 0, fvaInt = 0, fdc = 0, grossExports = 0;
        for (int i = 0; i < industries; i++) {
            int row = first + i;
            double intermediateForFinal = 0;
            double intermediateForExports = 0;
            for (int col = 0; col < n; col++) {
                if (col < first || col >= end) {
                    intermediateForFinal += model.a(row, col) * shared.localOwnFinal[col];
                    intermediateForExports += model.a(row, col) * shared.localExports[col];
                }
            }
            fvaFin += foreign[i] * shared.finalExports[row];
            fvaInt += foreign[i] * intermediateForFinal;
            fdc += foreign[i] * intermediateForExports;
            grossExports += model.exports(row);
        }
        String country = model.table().countries().get(s);
        return new KwwTerms(country, dvaFin, dvaInt, dvaIntrex, rdvFin, rdvInt, ddc, fvaFin, fvaInt, fdc, grossExports);
    }

    /** {@code A^rs · w} for every {@code r ≠ s}: what other countries use of {@code s}'s goods to make {@code w}. */
    private static double[] intoHome(LeontiefModel model, int s, double[] w) {
        int n = model.size();
        int industries = model.industries();
        int first = s * industries;
        double[] out = new double[n];
        for (int row = 0; row < n; row++) {
            if (model.countryOf(row) == s) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < industries; k++) {
                sum += model.a(row, first + k) * w[k];
            }
            out[row] = sum;
        }
        return out;
    }

    /**
     * {@code u^s = Σ_{t≠s} v^t B^ts}, one entry per industry of {@code s}: the foreign value added in one unit of
     * each of its industries' output.
     */
    static double[] foreignValueAddedMultipliers(LeontiefModel model, int s) {
        int industries = model.industries();
        int first = s * industries;
        double[] all = model.valueAddedPerUnit();
        double[] domestic = model.valueAddedOf(s);
        double[] u = new double[industries];
        for (int k = 0; k < industries; k++) {
            u[k] = all[first + k] - domestic[first + k];
        }
        return u;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** Vectors every country's terms need, computed once per table. */
    private static final class Vectors {
        /** {@code Σ_{r≠s} Y^sr} for the row's own country {@code s}. */
        final double[] finalExports;
        /** {@code Y^rr}: final demand for the row's goods in its own country. */
        final double[] ownFinalDemand;
        /** {@code Σ_t Y^rt}. */
        final double[] totalFinalDemand;
        /** {@code L^rr Y^rr}, block by block. */
        final double[] localOwnFinal;
        /** {@code L^rr E^r}, block by block. */
        final double[] localExports;

        Vectors(LeontiefModel model) {
            int n = model.size();
            int industries = model.industries();
            finalExports = new double[n];
            ownFinalDemand = new double[n];
            totalFinalDemand = new double[n];
            localOwnFinal = new double[n];
            localExports = new double[n];
            for (int row = 0; row < n; row++) {
                int home = model.countryOf(row);
                for (int c = 0; c < model.countries(); c++) {
                    totalFinalDemand[row] += model.finalDemand(row, c);
                }
                ownFinalDemand[row] = model.finalDemand(row, home);
                finalExports[row] = totalFinalDemand[row] - ownFinalDemand[row];
            }
            for (int r = 0; r < model.countries(); r++) {
                int first = r * industries;
                for (int i = 0; i < industries; i++) {
                    for (int k = 0; k < industries; k++) {
                        localOwnFinal[first + i] += model.local(r, i, k) * ownFinalDemand[first + k];
                        localExports[first + i] += model.local(r, i, k) * model.exports(first + k);
                    }
                }
            }
        }
    }
}
