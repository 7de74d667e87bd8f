package org.techmarket.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the 225 US patent grants bundled as {@code demo/us-patents.tsv.gz}; see {@code demo/NOTICE.md}
 * for their source and {@code PatentXmlConverter} (test sources) for how the file is made.
 */
public final class DemoPatents {

    static final String RESOURCE = "/demo/us-patents.tsv.gz";
    private static final String HEADER =
            "number\tkind\ttitle\tabstract\tfirst_claim\tipc\tassignee\tfiled_on\tgranted_on";
    private static final int COLUMNS = 9;

    private DemoPatents() {
    }

    /**
     * All demo grants in file order (by grant week, then document order). The resource ships with the
     * application, so a missing or malformed file is a packaging bug and fails loudly.
     */
    public static List<DemoPatent> load() {
        try (InputStream raw = DemoPatents.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("demo resource missing from the classpath: " + RESOURCE);
            }
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                return read(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<DemoPatent> read(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
        }
        List<DemoPatent> patents = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isEmpty()) {
                patents.add(parse(line));
            }
        }
        return List.copyOf(patents);
    }

    private static DemoPatent parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != COLUMNS) {
            throw new IllegalStateException(RESOURCE + ": expected " + COLUMNS + " columns in " + line);
        }
        return new DemoPatent(f[0], f[1], f[2], f[3], f[4], codes(f[5]), f[6],
                LocalDate.parse(f[7]), LocalDate.parse(f[8]));
    }

    private static List<String> codes(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
    }
}
