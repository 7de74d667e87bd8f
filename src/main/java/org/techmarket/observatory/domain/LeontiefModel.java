package org.techmarket.observatory.domain;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The demand-driven model of one input–output table, as decompr builds it: input coefficients {@code A = Z x̂⁻¹}
 * (zero where output is zero), value-added coefficients {@code v = 1 − column sums of A} (zero where output is
 * zero), the global Leontief inverse {@code B = (I − A)⁻¹}, each country's local inverse {@code L^ss = (I − A^ss)⁻¹},
 * final demand {@code Y} by absorbing country and gross exports {@code E} (intermediate and final sales to every
 * other country). The inverses come from an LU decomposition; nothing here eliminates by hand.
 */
public final class LeontiefModel {

    private final IoTable table;
    private final int countries;
    private final int industries;
    private final int n;
    private final DMatrixRMaj a;
    private final DMatrixRMaj b;
    private final DMatrixRMaj[] local;
    private final double[] valueAdded;
    private final double[] exports;

    private LeontiefModel(IoTable table) {
        this.table = table;
        this.countries = table.countries().size();
        this.industries = table.industries().size();
        this.n = table.size();
        this.a = coefficients(table);
        this.valueAdded = valueAddedCoefficients(table, a);
        this.b = inverse(identityMinus(a));
        this.local = new DMatrixRMaj[countries];
        for (int s = 0; s < countries; s++) {
            DMatrixRMaj block = new DMatrixRMaj(industries, industries);
            CommonOps_DDRM.extract(
                    a, s * industries, (s + 1) * industries, s * industries, (s + 1) * industries, block);
            local[s] = inverse(identityMinus(block));
        }
        this.exports = grossExports(table);
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
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = valueAdded[i] * b.data[i * n + j] * exports[j];
            }
        }
        return out;
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

    /** {@code B}, row-major. */
    double b(int row, int col) {
        return b.data[row * n + col];
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

    /** {@code Σ_j B(row, j) · vector(j)}: one row of the global inverse applied to a vector. */
    double bRowTimes(int row, double[] vector) {
        double sum = 0;
        int offset = row * n;
        for (int j = 0; j < n; j++) {
            sum += b.data[offset + j] * vector[j];
        }
        return sum;
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
