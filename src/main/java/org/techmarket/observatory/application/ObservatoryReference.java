package org.techmarket.observatory.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.techmarket.observatory.domain.IndustryConcordance;
import org.techmarket.observatory.domain.WiodIndustry;
import org.techmarket.reference.FutureIndustry;

/**
 * The observatory's reference files on the class path: WIOD's 35 industries ({@code wiod-industries.csv}) and the
 * concordance from future industries to them ({@code future-industries-wiod.csv}).
 */
public final class ObservatoryReference {

    private static final String FOLDER = "observatory";

    private ObservatoryReference() {}

    public static List<WiodIndustry> wiodIndustries() {
        return rows("wiod-industries").stream()
                .map(fields -> new WiodIndustry(fields.get(0), fields.get(1), fields.get(2)))
                .toList();
    }

    public static IndustryConcordance concordance() {
        Map<FutureIndustry, List<String>> codes = new EnumMap<>(FutureIndustry.class);
        for (List<String> fields : rows("future-industries-wiod")) {
            String wiod = fields.get(1).trim();
            codes.put(
                    FutureIndustry.valueOf(fields.get(0)),
                    wiod.isEmpty() ? List.of() : Arrays.asList(wiod.split("\\s+")));
        }
        return new IndustryConcordance(codes, wiodIndustries());
    }

    private static List<List<String>> rows(String name) {
        try (Reader reader = TableResources.open(FOLDER, name);
                BufferedReader lines = new BufferedReader(reader)) {
            return lines.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(ObservatoryReference::fields)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of a CSV line whose fields may be quoted (and then hold commas). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
