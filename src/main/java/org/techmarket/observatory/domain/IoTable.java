package org.techmarket.observatory.domain;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * An inter-country input–output table: {@code G} countries × {@code N} industries, the intermediate use of each
 * country-industry's output by every other ({@code GN × GN}), its final demand by each country ({@code GN × G}, the
 * demand categories summed) and its gross output. Rows and columns run country by country, each country's
 * industries in the same order.
 */
public final class IoTable {

    private final List<String> countries;
    private final List<String> industries;
    private final DMatrixRMaj intermediate;
    private final DMatrixRMaj finalDemand;
    private final double[] output;

    public IoTable(
            List<String> countries,
            List<String> industries,
            DMatrixRMaj intermediate,
            DMatrixRMaj finalDemand,
            double[] output) {
        int n = countries.size() * industries.size();
        if (countries.isEmpty() || industries.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one country and one industry");
        }
        if (intermediate.numRows != n || intermediate.numCols != n) {
            throw new IllegalArgumentException("intermediate use must be " + n + " × " + n);
        }
        if (finalDemand.numRows != n || finalDemand.numCols != countries.size()) {
            throw new IllegalArgumentException("final demand must be " + n + " × " + countries.size());
        }
        if (output.length != n) {
            throw new IllegalArgumentException("output must have " + n + " entries");
        }
        this.countries = List.copyOf(countries);
        this.industries = List.copyOf(industries);
        this.intermediate = intermediate;
        this.finalDemand = finalDemand;
        this.output = output.clone();
    }

    /**
     * The same table with each row's gross output taken as its total use (intermediate plus final), so that the
     * accounting identities the decompositions rest on hold exactly. Published tables are rounded (WIOD to whole
     * millions), and their output column then differs from the row totals by a little.
     */
    public IoTable balanced() {
        double[] totals = new double[size()];
        for (int row = 0; row < size(); row++) {
            totals[row] = rowTotal(row);
        }
        return new IoTable(countries, industries, intermediate, finalDemand, totals);
    }

    /** The largest difference, in the table's unit, between a row's published output and its total use. */
    public double largestImbalance() {
        double largest = 0;
        for (int row = 0; row < size(); row++) {
            largest = Math.max(largest, Math.abs(output[row] - rowTotal(row)));
        }
        return largest;
    }

    private double rowTotal(int row) {
        double total = 0;
        for (int col = 0; col < size(); col++) {
            total += intermediate.unsafe_get(row, col);
        }
        for (int col = 0; col < countries.size(); col++) {
            total += finalDemand.unsafe_get(row, col);
        }
        return total;
    }

    public List<String> countries() {
        return countries;
    }

    public List<String> industries() {
        return industries;
    }

    /** {@code G × N}: the number of country-industries. */
    public int size() {
        return countries.size() * industries.size();
    }

    /** The row or column of one country's industry. */
    public int index(int country, int industry) {
        return country * industries.size() + industry;
    }

    DMatrixRMaj intermediate() {
        return intermediate;
    }

    DMatrixRMaj finalDemand() {
        return finalDemand;
    }

    double output(int row) {
        return output[row];
    }
}
