package org.techmarket.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads the 225 US patent grants bundled as {@code demo/us-patents.tsv.gz}; see {@code demo/NOTICE.md}
 * for their source and {@code PatentXmlConverter} (test sources) for how the file is made.
 */
public final class DemoPatents {

    private static final String RESOURCE = "/demo/us-patents.tsv.gz";
    private static final String HEADER =
            "number\tkind\ttitle\tabstract\tfirst_claim\tipc\tassignee\tfiled_on\tgranted_on";

    private DemoPatents() {}

    /** All demo grants in file order: by grant week, then as published that week. */
    public static List<DemoPatent> load() {
        return TsvResource.rows(RESOURCE, HEADER).stream()
                .map(DemoPatents::grant)
                .toList();
    }

    private static DemoPatent grant(String[] f) {
        return new DemoPatent(
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                TsvResource.list(f[5]),
                f[6],
                LocalDate.parse(f[7]),
                LocalDate.parse(f[8]));
    }
}
