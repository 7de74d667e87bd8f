package org.techmarket.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * WIPO's IPC–technology concordance: which of the 35 technology fields an IPC code falls in, read once from
 * the vendored CSV. The concordance lists subclasses ({@code G06F%}) and main groups ({@code A61K   8/%});
 * a code gets every field whose prefix it overlaps, so a full code gets at most one field and a coarse code
 * such as the class {@code G06} gets all the fields that share it.
 */
public final class TechnologyFields {

    private static final String CONCORDANCE = "reference/ipc_technology.csv";

    private record Prefix(IpcCode code, TechnologyField field) {}

    private final List<Prefix> prefixes;
    /** The prefixes of each subclass: a code of a subclass or finer overlaps only those. */
    private final Map<String, List<Prefix>> bySubclass;

    private final List<TechnologyField> all;

    private TechnologyFields(List<Prefix> prefixes) {
        this.prefixes = List.copyOf(prefixes);
        this.bySubclass =
                prefixes.stream().collect(Collectors.groupingBy(p -> p.code().subclass()));
        this.all = prefixes.stream()
                .map(Prefix::field)
                .distinct()
                .sorted(Comparator.comparingInt(TechnologyField::id))
                .toList();
    }

    /** The concordance of the vendored data; read on first use and shared afterwards. */
    public static TechnologyFields load() {
        return Loaded.INSTANCE;
    }

    /** All 35 fields, ordered by id. */
    public List<TechnologyField> all() {
        return all;
    }

    /** The fields the code falls in, distinct and ordered by id; empty when the concordance does not cover it. */
    public List<TechnologyField> of(IpcCode code) {
        boolean coarse = code.level() == IpcCode.Level.SECTION || code.level() == IpcCode.Level.CLASS;
        List<Prefix> candidates = coarse ? prefixes : bySubclass.getOrDefault(code.subclass(), List.of());
        return candidates.stream()
                .filter(prefix -> prefix.code().overlaps(code))
                .map(Prefix::field)
                .distinct()
                .sorted(Comparator.comparingInt(TechnologyField::id))
                .toList();
    }

    private static TechnologyFields fromClasspath() {
        Map<Integer, TechnologyField> fields = new LinkedHashMap<>();
        List<Prefix> prefixes = new ArrayList<>();
        for (Map<String, String> row : Csv.readResource(CONCORDANCE)) {
            int id = Integer.parseInt(row.get("Field_number").strip());
            TechnologyField field = fields.computeIfAbsent(
                    id,
                    key -> new TechnologyField(
                            key,
                            row.get("Sector_en").strip(),
                            row.get("Field_en").strip()));
            prefixes.add(new Prefix(prefixCode(row.get("IPC_code")), field));
        }
        return new TechnologyFields(prefixes);
    }

    // "G06F%" is a subclass and "A61K   8/%" the main group A61K 8/00, which contains all of 8/xx.
    private static IpcCode prefixCode(String wildcard) {
        String prefix = wildcard.strip();
        if (!prefix.endsWith("%")) {
            throw new IllegalStateException("concordance prefix without wildcard: " + wildcard);
        }
        prefix = prefix.substring(0, prefix.length() - 1);
        return IpcCode.parse(prefix.endsWith("/") ? prefix + "00" : prefix);
    }

    private static final class Loaded {
        static final TechnologyFields INSTANCE = fromClasspath();
    }
}
