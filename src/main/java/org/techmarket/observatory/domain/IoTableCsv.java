package org.techmarket.observatory.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads an input–output table from three CSV files as decompr's examples and the WIOD extract lay them out: each
 * has a header row and a first column of row labels {@code "Country.Industry"}; intermediate use has one column per
 * row label, final demand one per country or per {@code "Country.Category"} (the categories are summed), output a
 * column {@code output}. Values are plain numbers; labels may be quoted.
 */
public final class IoTableCsv {

    private IoTableCsv() {}

    /** The table in the three files; a file that does not fit the others is refused with the reason. */
    public static IoTable read(Reader intermediate, Reader finalDemand, Reader output) {
        Grid use = Grid.read(intermediate);
        Grid demand = Grid.read(finalDemand);
        Grid out = Grid.read(output);
        List<String> labels = use.rows;
        if (!use.columns.equals(labels)) {
            throw new IllegalArgumentException("intermediate use must have one column per row, in the same order");
        }
        if (!demand.rows.equals(labels) || !out.rows.equals(labels)) {
            throw new IllegalArgumentException("final demand and output must have the rows of intermediate use");
        }
        int outputColumn = out.columns.indexOf("output");
        if (outputColumn < 0) {
            throw new IllegalArgumentException("output needs a column named output");
        }
        Layout layout = Layout.of(labels);
        DMatrixRMaj z = DMatrixRMaj.wrap(labels.size(), labels.size(), use.values);
        double[] x = new double[labels.size()];
        for (int row = 0; row < x.length; row++) {
            x[row] = out.values[row * out.columns.size() + outputColumn];
        }
        return new IoTable(layout.countries, layout.industries, z, byCountry(demand, layout.countries), x);
    }

    private static DMatrixRMaj byCountry(Grid demand, List<String> countries) {
        DMatrixRMaj y = new DMatrixRMaj(demand.rows.size(), countries.size());
        for (int col = 0; col < demand.columns.size(); col++) {
            String label = demand.columns.get(col);
            int dot = label.indexOf('.');
            int country = countries.indexOf(dot < 0 ? label : label.substring(0, dot));
            if (country < 0) {
                throw new IllegalArgumentException("final demand column " + label + " names no country of the table");
            }
            for (int row = 0; row < demand.rows.size(); row++) {
                y.add(row, country, demand.values[row * demand.columns.size() + col]);
            }
        }
        return y;
    }

    /** The countries and industries that {@code "Country.Industry"} row labels spell, country by country. */
    private record Layout(List<String> countries, List<String> industries) {

        static Layout of(List<String> labels) {
            Map<String, List<String>> byCountry = new LinkedHashMap<>();
            String previous = null;
            for (String label : labels) {
                int dot = label.indexOf('.');
                if (dot <= 0 || dot == label.length() - 1) {
                    throw new IllegalArgumentException("row " + label + " is not Country.Industry");
                }
                String country = label.substring(0, dot);
                if (!country.equals(previous) && byCountry.containsKey(country)) {
                    throw new IllegalArgumentException("the rows of " + country + " are not together");
                }
                byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(label.substring(dot + 1));
                previous = country;
            }
            List<String> industries = byCountry.values().iterator().next();
            byCountry.forEach((country, theirs) -> {
                if (!theirs.equals(industries)) {
                    throw new IllegalArgumentException(country + " does not list the industries of the others");
                }
            });
            return new Layout(List.copyOf(byCountry.keySet()), List.copyOf(industries));
        }
    }

    /** A CSV file as row labels, column labels and the numbers between them, row by row. */
    private record Grid(List<String> rows, List<String> columns, double[] values) {

        static Grid read(Reader reader) {
            try (BufferedReader lines = new BufferedReader(reader, 1 << 16)) {
                String header = lines.readLine();
                if (header == null) {
                    throw new IllegalArgumentException("an empty file");
                }
                String[] head = header.split(",", -1);
                List<String> columns = new ArrayList<>(head.length - 1);
                for (int i = 1; i < head.length; i++) {
                    columns.add(unquote(head[i]));
                }
                List<String> rows = new ArrayList<>();
                double[] values = new double[Math.max(16, columns.size() * columns.size())];
                int filled = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] cells = line.split(",", -1);
                    if (cells.length != head.length) {
                        throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.length
                                + " cells where the header has " + head.length);
                    }
                    rows.add(unquote(cells[0]));
                    if (filled + columns.size() > values.length) {
                        values = Arrays.copyOf(values, Math.max(values.length * 2, filled + columns.size()));
                    }
                    for (int i = 1; i < cells.length; i++) {
                        values[filled++] = number(cells[i], rows.size());
                    }
                }
                return new Grid(rows, columns, Arrays.copyOf(values, filled));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static double number(String cell, int row) {
            try {
                return Double.parseDouble(cell.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("row " + row + " holds " + cell + ", not a number");
            }
        }

        private static String unquote(String cell) {
            String trimmed = cell.trim();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                return trimmed.substring(1, trimmed.length() - 1);
            }
            return trimmed;
        }
    }
}
