package org.techmarket.observatory.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.techmarket.observatory.domain.IoTable;
import org.techmarket.observatory.domain.IoTableCsv;

/**
 * Opens an input–output table kept on the class path as a folder of {@code intermediate}, {@code final_demand} and
 * {@code output} CSV files, each plain or gzipped ({@code .csv.gz}).
 */
public final class TableResources {

    private TableResources() {}

    /** The table in {@code folder} (e.g. {@code observatory/wiod2011}), as published. */
    public static IoTable read(String folder) {
        try (Reader intermediate = open(folder, "intermediate");
                Reader finalDemand = open(folder, "final_demand");
                Reader output = open(folder, "output")) {
            return IoTableCsv.read(intermediate, finalDemand, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of {@code folder} by its name without extension, gzipped or plain. */
    public static Reader open(String folder, String name) throws IOException {
        ClassLoader loader = TableResources.class.getClassLoader();
        InputStream gzipped = loader.getResourceAsStream(folder + "/" + name + ".csv.gz");
        if (gzipped != null) {
            return reader(new GZIPInputStream(gzipped, 1 << 16));
        }
        InputStream plain = loader.getResourceAsStream(folder + "/" + name + ".csv");
        if (plain == null) {
            throw new IOException("no " + name + ".csv(.gz) in " + folder);
        }
        return reader(plain);
    }

    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
