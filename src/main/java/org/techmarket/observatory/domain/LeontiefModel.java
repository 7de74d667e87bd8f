package org.techmarket.observatory.domain;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The demand-driven model of one input–output table, as decompr builds it: input coefficients {@code A = Z x̂⁻¹}
 * (zero where output is zero), value-added coefficients {@code v = 1 − column sums of A} (zero where output is
 * zero), the global Leontief inverse {@code B = (I − A)⁻¹}, each country's local inverse {@code L^ss = (I − A^ss)⁻¹},
 * final demand {@code Y} by absorbing country and gross exports {@code E} (intermediate and final sales to every
 * other country). {@code B} is not formed: one LU decomposition of {@code I − A} answers {@code B w} and
 * {@code wᵀ B} for the few dozen vectors the decompositions need, by forward and back substitution; the whole
 * inverse is formed only when asked for. Nothing here eliminates by hand.
 */
public final class LeontiefModel {

    private final IoTable table;
    private final int countries;
    private final int industries;
    private final int n;
    private final DMatrixRMaj a;
    private final DMatrixRMaj lower;
    private final DMatrixRMaj upper;
    private final int[] pivot;
    private final DMatrixRMaj[] local;
    private final double[][] valueAddedOfCountry;
    private double[] valueAddedPerUnit;
    private final double[] valueAdded;
    private final double[] exports;

    private LeontiefModel(IoTable table) {
        this.table = table;
        this.countries = table.countries().size();
        this.industries = table.industries().size();
        this.n = table.size();
        this.a = coefficients(table);
        this.valueAdded = valueAddedCoefficients(table, a);
        LUDecomposition_F64<DMatrixRMaj> lu = DecompositionFactory_DDRM.lu(n, n);
        if (!lu.decompose(identityMinus(a)) || lu.isSingular()) {
            throw new IllegalArgumentException("I − A is singular: the table describes no productive economy");
        }
        this.lower = lu.getLower(null);
        this.upper = lu.getUpper(null);
        this.pivot = lu.getRowPivotV(null).clone();
        this.local = new DMatrixRMaj[countries];
        for (int s = 0; s < countries; s++) {
            DMatrixRMaj block = new DMatrixRMaj(industries, industries);
            CommonOps_DDRM.extract(
                    a, s * industries, (s + 1) * industries, s * industries, (s + 1) * industries, block);
            local[s] = inverse(identityMinus(block));
        }
        this.exports = grossExports(table);
        this.valueAddedOfCountry = new double[countries][];
    }

    /** The model of {@code table}; refused when {@code I − A} is singular, which no productive economy gives. */
    public static LeontiefModel of(IoTable table) {
        return new LeontiefModel(table);
    }

    /**
     * The Leontief decomposition of exports, {@code v̂ B Ê}: entry (i, j) is the value added of country-industry i
     * embodied in the gross exports of country-industry j (decompr's {@code leontief()}, its {@code FVAX}).
     */
    public DMatrixRMaj valueAddedInExports() {
        DMatrixRMaj b = leontiefInverse();
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = valueAdded[i] * b.data[i * n + j] * exports[j];
            }
        }
        return out;
    }

    /** The input coefficients {@code A}, a copy. */
    public DMatrixRMaj inputCoefficients() {
        return a.copy();
    }

    /** The global Leontief inverse {@code B = (I − A)⁻¹}, formed whole by the library's LU inversion. */
    public DMatrixRMaj leontiefInverse() {
        return inverse(identityMinus(a));
    }

    /** {@code B w}: what every industry must produce for the final use {@code w}. */
    public double[] times(double[] w) {
        // P(I − A) = LU, so (I − A) x = w is L U x = P w.
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = w[pivot[i]];
        }
        TriangularSolver_DDRM.solveL(lower.data, x, n);
        TriangularSolver_DDRM.solveU(upper.data, x, n);
        return x;
    }

    /** {@code wᵀ B}, as a column: the value {@code w} puts on each industry's output through the whole economy. */
    public double[] timesTransposed(double[] w) {
        // (I − A)ᵀ = Uᵀ Lᵀ P, so (I − A)ᵀ x = w is Uᵀ Lᵀ (P x) = w.
        double[] z = w.clone();
        TriangularSolver_DDRM.solveTranU(upper.data, z, n);
        TriangularSolver_DDRM.solveTranL(lower.data, z, n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[pivot[i]] = z[i];
        }
        return x;
    }

    public IoTable table() {
        return table;
    }

    int countries() {
        return countries;
    }

    int industries() {
        return industries;
    }

    int size() {
        return n;
    }

    /** {@code A}, row-major. */
    double a(int row, int col) {
        return a.data[row * n + col];
    }

    /**
     * {@code r^s = (v ∘ 1_s)ᵀ B}: entry {@code j} is the value added of {@code country} in one unit of industry
     * {@code j}'s output. Computed once per country.
     */
    synchronized double[] valueAddedOf(int country) {
        if (valueAddedOfCountry[country] == null) {
            double[] own = new double[n];
            for (int row = country * industries; row < (country + 1) * industries; row++) {
                own[row] = valueAdded[row];
            }
            valueAddedOfCountry[country] = timesTransposed(own);
        }
        return valueAddedOfCountry[country];
    }

    /** {@code vᵀ B = Σ_s r^s}: all value added in one unit of each industry's output (one, where it produces). */
    synchronized double[] valueAddedPerUnit() {
        if (valueAddedPerUnit == null) {
            double[] sum = new double[n];
            for (int s = 0; s < countries; s++) {
                double[] r = valueAddedOf(s);
                for (int j = 0; j < n; j++) {
                    sum[j] += r[j];
                }
            }
            valueAddedPerUnit = sum;
        }
        return valueAddedPerUnit;
    }

    /** {@code L^ss} of {@code country}, indexed within the country's block. */
    double local(int country, int row, int col) {
        return local[country].data[row * industries + col];
    }

    double valueAdded(int row) {
        return valueAdded[row];
    }

    double exports(int row) {
        return exports[row];
    }

    double finalDemand(int row, int country) {
        return table.finalDemand().unsafe_get(row, country);
    }

    int countryOf(int row) {
        return row / industries;
    }

    private static DMatrixRMaj coefficients(IoTable table) {
        int n = table.size();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int col = 0; col < n; col++) {
            double x = table.output(col);
            if (x == 0) {
                continue;
            }
            for (int row = 0; row < n; row++) {
                a.data[row * n + col] = table.intermediate().data[row * n + col] / x;
            }
        }
        return a;
    }

    private static double[] valueAddedCoefficients(IoTable table, DMatrixRMaj a) {
        int n = table.size();
        double[] v = new double[n];
        for (int col = 0; col < n; col++) {
            if (table.output(col) == 0) {
                continue;
            }
            double used = 0;
            for (int row = 0; row < n; row++) {
                used += a.data[row * n + col];
            }
            v[col] = 1 - used;
        }
        return v;
    }

    private static double[] grossExports(IoTable table) {
        int n = table.size();
        int industries = table.industries().size();
        double[] e = new double[n];
        for (int row = 0; row < n; row++) {
            int home = row / industries;
            double sum = 0;
            for (int col = 0; col < n; col++) {
                if (col / industries != home) {
                    sum += table.intermediate().data[row * n + col];
                }
            }
            for (int country = 0; country < table.countries().size(); country++) {
                if (country != home) {
                    sum += table.finalDemand().unsafe_get(row, country);
                }
            }
            e[row] = sum;
        }
        return e;
    }

    private static DMatrixRMaj identityMinus(DMatrixRMaj m) {
        DMatrixRMaj out = CommonOps_DDRM.identity(m.numRows);
        CommonOps_DDRM.subtractEquals(out, m);
        return out;
    }

    private static DMatrixRMaj inverse(DMatrixRMaj m) {
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(m.numRows);
        if (!lu.setA(m)) {
            throw new IllegalArgumentException("I − A is singular: the table describes no productive economy");
        }
        DMatrixRMaj inverse = new DMatrixRMaj(m.numRows, m.numCols);
        lu.invert(inverse);
        if (MatrixFeatures_DDRM.hasUncountable(inverse)) {
            throw new IllegalArgumentException("I − A is singular: the table describes no productive economy");
        }
        return inverse;
    }
}
