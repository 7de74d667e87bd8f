package org.techmarket.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tab-separated classpath resource with a fixed header, plain or gzip. The demo files ship inside
 * the application, so a missing or malformed file is a packaging bug and fails loudly rather than seeding
 * a partial market.
 */
final class TsvResource {

    private TsvResource() {}

    /** The data rows of {@code resource}, each split into exactly as many fields as the header has. */
    static List<String[]> rows(String resource, String header) {
        try (InputStream raw = TsvResource.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("demo resource missing from the classpath: " + resource);
            }
            InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return read(reader, resource, header);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Splits a {@code ;}-joined list; an empty field is an empty list. */
    static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.copyOf(Arrays.asList(joined.split(";")));
    }

    private static List<String[]> read(BufferedReader reader, String resource, String header) throws IOException {
        String first = reader.readLine();
        if (!header.equals(first)) {
            throw new IllegalStateException(resource + " has an unexpected header: " + first);
        }
        int columns = header.split("\t").length;
        List<String[]> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != columns) {
                throw new IllegalStateException(resource + ": expected " + columns + " fields in: " + line);
            }
            rows.add(fields);
        }
        return rows;
    }
}
