package org.techmarket.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads the invented Chinese demo assets bundled as {@code demo/cn-assets.tsv}. */
public final class DemoCnAssets {

    private static final String RESOURCE = "/demo/cn-assets.tsv";

    /** Patent numbers of the demo assets the demo trading lists. */
    static final String SIX_G_ANTENNA = "ZL202210143598.4";

    static final String SOLID_STATE_ELECTROLYTE = "ZL202011213357.X";
    static final String DEFECT_DETECTION = "ZL202110678214.4";
    private static final String HEADER = "kind\towner\ttitle\tabstract\tpatent_number\tipc\tindustries"
            + "\tlegal_status\tfiled_on\tgranted_on\texpires_on\ttrl";

    private DemoCnAssets() {}

    /** All demo assets in file order. */
    public static List<DemoCnAsset> load() {
        return TsvResource.rows(RESOURCE, HEADER).stream()
                .map(DemoCnAssets::asset)
                .toList();
    }

    private static DemoCnAsset asset(String[] f) {
        return new DemoCnAsset(
                f[0],
                f[1],
                f[2],
                f[3],
                optional(f[4]),
                TsvResource.list(f[5]),
                TsvResource.list(f[6]),
                DemoCnAsset.LegalStatus.valueOf(f[7]),
                LocalDate.parse(f[8]),
                optional(f[9]).map(LocalDate::parse),
                optional(f[10]).map(LocalDate::parse),
                Integer.parseInt(f[11]));
    }

    private static Optional<String> optional(String field) {
        return field.isEmpty() ? Optional.empty() : Optional.of(field);
    }
}
