package org.techmarket.observatory.bench;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.techmarket.observatory.application.TableResources;
import org.techmarket.observatory.domain.CountryGvc;
import org.techmarket.observatory.domain.GvcParticipation;
import org.techmarket.observatory.domain.IoTable;
import org.techmarket.observatory.domain.KwwDecomposition;
import org.techmarket.observatory.domain.KwwTerms;
import org.techmarket.observatory.domain.LeontiefModel;

/**
 * The full decomposition of WIOD 2011 (1,435 × 1,435: one LU decomposition of {@code I − A} and the solves the KWW
 * terms and the GVC indices of every country and industry need, the local inverses, the terms themselves) against a
 * naive O(n³) Gauss–Jordan inversion of the same {@code I − A}, written here for the comparison and run in the same
 * JVM; and, like for like, the library's whole Leontief inverse against the naive one. Prints the times, the ratios,
 * how far the two inverses differ, and the figures of five economies.
 *
 * <p>Arguments: [rounds of the decomposition, default 3].
 */
public final class ObservatoryBenchmark {

    private static final List<String> SHOWN = List.of("CHN", "USA", "DEU", "JPN", "KOR");

    private ObservatoryBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long start = System.nanoTime();
        IoTable table = TableResources.read("observatory/wiod2011").balanced();
        double loadSeconds = seconds(start);
        System.out.printf(Locale.ROOT, "WIOD 2011: %d × %d read in %.2f s%n", table.size(), table.size(), loadSeconds);

        double best = Double.MAX_VALUE;
        LeontiefModel model = null;
        List<KwwTerms> kww = null;
        List<CountryGvc> gvc = null;
        for (int round = 1; round <= rounds; round++) {
            long t = System.nanoTime();
            model = LeontiefModel.of(table);
            kww = KwwDecomposition.of(model);
            gvc = GvcParticipation.of(model);
            double took = seconds(t);
            best = Math.min(best, took);
            System.out.printf(Locale.ROOT, "round %d: full decomposition (LU) %.2f s%n", round, took);
        }

        DMatrixRMaj a = model.inputCoefficients();
        long t = System.nanoTime();
        double[][] naive = gaussJordanInverse(a);
        double naiveSeconds = seconds(t);
        t = System.nanoTime();
        DMatrixRMaj b = model.leontiefInverse();
        double librarySeconds = seconds(t);
        double largestDifference = 0;
        int n = table.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                largestDifference = Math.max(largestDifference, Math.abs(naive[i][j] - b.get(i, j)));
            }
        }
        System.out.printf(Locale.ROOT, "naive Gauss–Jordan inversion alone: %.2f s%n", naiveSeconds);
        System.out.printf(Locale.ROOT, "the library's whole Leontief inverse (LU): %.2f s%n", librarySeconds);
        System.out.printf(
                Locale.ROOT,
                "ratio: the naive inversion alone takes %.1f× the whole decomposition (best of %d)%n",
                naiveSeconds / best,
                rounds);
        System.out.printf(
                Locale.ROOT,
                "ratio: naive inversion / library inversion, like for like: %.2f×%n",
                naiveSeconds / librarySeconds);
        System.out.printf(Locale.ROOT, "largest |B_naive − B_LU|: %.3g%n", largestDifference);

        System.out.println();
        System.out.println("country  grossExports    DVA_FIN    DVA_INT DVA_INTrex   RDV_FIN   RDV_INT       DDC"
                + "    FVA_FIN    FVA_INT       FDC   IV/E   FV/E  particip. position");
        for (String code : SHOWN) {
            int s = table.countries().indexOf(code);
            KwwTerms k = kww.get(s);
            CountryGvc g = gvc.get(s);
            System.out.printf(
                    Locale.ROOT,
                    "%-7s %13.0f %10.0f %10.0f %10.0f %9.0f %9.0f %9.0f %10.0f %10.0f %9.0f %6.4f %6.4f %10.4f %8.4f%n",
                    code,
                    k.grossExports(),
                    k.dvaFin(),
                    k.dvaInt(),
                    k.dvaIntrex(),
                    k.rdvFin(),
                    k.rdvInt(),
                    k.ddc(),
                    k.fvaFin(),
                    k.fvaInt(),
                    k.fdc(),
                    g.whole().ivShare(),
                    g.whole().fvShare(),
                    g.whole().participation(),
                    g.whole().position());
        }
    }

    /** {@code (I − A)⁻¹} by textbook Gauss–Jordan elimination with partial pivoting on {@code [I − A | I]}. */
    static double[][] gaussJordanInverse(DMatrixRMaj a) {
        int n = a.numRows;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (i == j ? 1 : 0) - a.get(i, j);
            }
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double p = m[col][col];
            for (int j = 0; j < 2 * n; j++) {
                m[col][j] /= p;
            }
            for (int row = 0; row < n; row++) {
                double factor = m[row][col];
                if (row == col) {
                    continue;
                }
                double[] target = m[row];
                double[] source = m[col];
                for (int j = 0; j < 2 * n; j++) {
                    target[j] -= factor * source[j];
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inverse[i], 0, n);
        }
        return inverse;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
