package org.techmarket.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small vendored CSV files: a header row, then one record per line, fields optionally in
 * double quotes with {@code ""} as an escaped quote. Enough for our own files, not a general parser
 * (no line breaks inside quoted fields).
 */
public final class Csv {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {}

    /** Rows of the classpath resource as maps from header to value; a missing file is a packaging bug. */
    public static List<Map<String, String>> readResource(String resource) {
        InputStream in = Csv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference data " + resource + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return rows(reader.lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static List<Map<String, String>> rows(List<String> lines, String source) {
        if (lines.isEmpty()) {
            throw new IllegalStateException(source + " has no header row");
        }
        List<String> header = fields(stripByteOrderMark(lines.get(0)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> values = fields(line);
            if (values.size() != header.size()) {
                throw new IllegalStateException(
                        source + " line " + (i + 1) + " has " + values.size() + " fields, expected " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < header.size(); f++) {
                row.put(header.get(f), values.get(f));
            }
            rows.add(row);
        }
        return List.copyOf(rows);
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String stripByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }
}
