package org.techmarket.observatory.application;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.techmarket.observatory.domain.IndustryConcordance;
import org.techmarket.observatory.domain.WiodIndustry;
import org.techmarket.reference.Csv;
import org.techmarket.reference.FutureIndustry;

/**
 * The observatory's reference files on the class path: WIOD's 35 industries ({@code wiod-industries.csv}) and the
 * concordance from future industries to them ({@code future-industries-wiod.csv}).
 */
public final class ObservatoryReference {

    private ObservatoryReference() {}

    public static List<WiodIndustry> wiodIndustries() {
        return Csv.readResource("observatory/wiod-industries.csv").stream()
                .map(row -> new WiodIndustry(row.get("code"), row.get("isic_rev3"), row.get("name")))
                .toList();
    }

    public static IndustryConcordance concordance() {
        Map<FutureIndustry, List<String>> codes = new EnumMap<>(FutureIndustry.class);
        for (Map<String, String> row : Csv.readResource("observatory/future-industries-wiod.csv")) {
            String wiod = row.get("wiod_industries").trim();
            codes.put(
                    FutureIndustry.valueOf(row.get("future_industry")),
                    wiod.isEmpty() ? List.of() : Arrays.asList(wiod.split("\\s+")));
        }
        return new IndustryConcordance(codes, wiodIndustries());
    }
}
