package org.techmarket.reference;

import static org.techmarket.reference.FutureIndustry.*;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests future industries for an asset from its IPC codes, by a fixed table of IPC patterns. A code takes
 * the industries of the deepest patterns that match it (so {@code G06N 10/20} is quantum information, not
 * artificial intelligence); a code no pattern matches suggests nothing, never {@link FutureIndustry#OTHER}.
 * Suggestions are for a person to confirm, not a classification. docs/industry-mapping.md gives the reasons.
 *
 * <ul>
 * <li>Artificial intelligence: G06N, G06V, G10L 15/00</li>
 * <li>Brain-like intelligence: G06N 3/049, G06N 3/063, G06F 3/015</li>
 * <li>Humanoid robots: B25J, B62D 57/032</li>
 * <li>Metaverse: G06T 19/00, G02B 27/01, G06F 3/011-014</li>
 * <li>Next-generation internet: H04L 45/00, H04L 61/00</li>
 * <li>6G: H04W, H04B, H04B 7/185 (also commercial spaceflight)</li>
 * <li>Quantum information: G06N 10/00, H04B 10/70, H04L 9/0852</li>
 * <li>Genetic technology: C12N 15/00, C12Q 1/68, G16B, A61K 48/00</li>
 * <li>Integrated circuits: H01L, H10, G06F 30/30-39</li>
 * <li>New-type energy storage: H01M, H01G 11/00, H02J 3/28-32, H02J 15/00, F28D 20/00, F03B 13/06</li>
 * <li>New energy: H02S, H01L 31/04-078, F03D, F24S, F24T, F03B 13/12-26, H01M 8/00, C25B 1/04, G21B</li>
 * <li>Commercial spaceflight: B64G, F02K 9/00</li>
 * <li>Deep space: B64G 1/16, E21C 51/00</li>
 * <li>Deep sea: B63C 11/00, B63G 8/00, E21B 33/035, E21B 43/01, E21C 50/00</li>
 * <li>Advanced materials: B82Y 30/00, C01B 32/15-198, C22C 45/00, H01B 12/00</li>
 * <li>Biomanufacturing: C12P, C12M, C12N 1/00, C12N 5/00, C12N 9/00</li>
 * </ul>
 */
public final class IndustryMapping {

    private static final IndustryMapping STANDARD = new IndustryMapping(standardTable());

    private final Map<IpcPattern, Set<FutureIndustry>> table;

    private IndustryMapping(Map<IpcPattern, Set<FutureIndustry>> table) {
        this.table = table;
    }

    /** The table documented above and in docs/industry-mapping.md. */
    public static IndustryMapping standard() {
        return STANDARD;
    }

    /** The industries suggested by one code, in enum order; empty when no pattern matches. */
    public Set<FutureIndustry> suggest(IpcCode code) {
        List<IpcPattern> matching =
                table.keySet().stream().filter(p -> p.matches(code)).toList();
        int deepest = matching.stream().mapToInt(IpcPattern::depth).max().orElse(-1);
        Set<FutureIndustry> industries = EnumSet.noneOf(FutureIndustry.class);
        matching.stream().filter(p -> p.depth() == deepest).forEach(p -> industries.addAll(table.get(p)));
        return industries;
    }

    /** The union of the suggestions for each code, in enum order. */
    public Set<FutureIndustry> suggest(Collection<IpcCode> codes) {
        Set<FutureIndustry> industries = EnumSet.noneOf(FutureIndustry.class);
        codes.forEach(code -> industries.addAll(suggest(code)));
        return industries;
    }

    /** The table as pattern text to industries, in the order written; lets a test hold the docs to it. */
    Map<String, Set<FutureIndustry>> table() {
        Map<String, Set<FutureIndustry>> byText = new LinkedHashMap<>();
        table.forEach((pattern, industries) -> byText.put(pattern.text(), industries));
        return byText;
    }

    private static Map<IpcPattern, Set<FutureIndustry>> standardTable() {
        Map<IpcPattern, Set<FutureIndustry>> table = new LinkedHashMap<>();
        put(table, "G06N", ARTIFICIAL_INTELLIGENCE);
        put(table, "G06V", ARTIFICIAL_INTELLIGENCE);
        put(table, "G10L 15/00", ARTIFICIAL_INTELLIGENCE);
        put(table, "G06N 3/049", BRAIN_LIKE_INTELLIGENCE);
        put(table, "G06N 3/063", BRAIN_LIKE_INTELLIGENCE);
        put(table, "G06F 3/015", BRAIN_LIKE_INTELLIGENCE);
        put(table, "B25J", HUMANOID_ROBOTS);
        put(table, "B62D 57/032", HUMANOID_ROBOTS);
        put(table, "G06T 19/00", METAVERSE);
        put(table, "G02B 27/01", METAVERSE);
        put(table, "G06F 3/011-014", METAVERSE);
        put(table, "H04L 45/00", NEXT_GENERATION_INTERNET);
        put(table, "H04L 61/00", NEXT_GENERATION_INTERNET);
        put(table, "H04W", SIXTH_GENERATION_MOBILE);
        put(table, "H04B", SIXTH_GENERATION_MOBILE);
        put(table, "H04B 7/185", SIXTH_GENERATION_MOBILE, COMMERCIAL_SPACEFLIGHT);
        put(table, "G06N 10/00", QUANTUM_INFORMATION);
        put(table, "H04B 10/70", QUANTUM_INFORMATION);
        put(table, "H04L 9/0852", QUANTUM_INFORMATION);
        put(table, "C12N 15/00", GENETIC_TECHNOLOGY);
        put(table, "C12Q 1/68", GENETIC_TECHNOLOGY);
        put(table, "G16B", GENETIC_TECHNOLOGY);
        put(table, "A61K 48/00", GENETIC_TECHNOLOGY);
        put(table, "H01L", INTEGRATED_CIRCUITS);
        put(table, "H10", INTEGRATED_CIRCUITS);
        put(table, "G06F 30/30-39", INTEGRATED_CIRCUITS);
        put(table, "H01M", NEW_ENERGY_STORAGE);
        put(table, "H01G 11/00", NEW_ENERGY_STORAGE);
        put(table, "H02J 3/28-32", NEW_ENERGY_STORAGE);
        put(table, "H02J 15/00", NEW_ENERGY_STORAGE);
        put(table, "F28D 20/00", NEW_ENERGY_STORAGE);
        put(table, "F03B 13/06", NEW_ENERGY_STORAGE);
        put(table, "H02S", NEW_ENERGY);
        put(table, "H01L 31/04-078", NEW_ENERGY);
        put(table, "F03D", NEW_ENERGY);
        put(table, "F24S", NEW_ENERGY);
        put(table, "F24T", NEW_ENERGY);
        put(table, "F03B 13/12-26", NEW_ENERGY);
        put(table, "H01M 8/00", NEW_ENERGY);
        put(table, "C25B 1/04", NEW_ENERGY);
        put(table, "G21B", NEW_ENERGY);
        put(table, "B64G", COMMERCIAL_SPACEFLIGHT);
        put(table, "F02K 9/00", COMMERCIAL_SPACEFLIGHT);
        put(table, "B64G 1/16", DEEP_SPACE);
        put(table, "E21C 51/00", DEEP_SPACE);
        put(table, "B63C 11/00", DEEP_SEA);
        put(table, "B63G 8/00", DEEP_SEA);
        put(table, "E21B 33/035", DEEP_SEA);
        put(table, "E21B 43/01", DEEP_SEA);
        put(table, "E21C 50/00", DEEP_SEA);
        put(table, "B82Y 30/00", ADVANCED_MATERIALS);
        put(table, "C01B 32/15-198", ADVANCED_MATERIALS);
        put(table, "C22C 45/00", ADVANCED_MATERIALS);
        put(table, "H01B 12/00", ADVANCED_MATERIALS);
        put(table, "C12P", BIOMANUFACTURING);
        put(table, "C12M", BIOMANUFACTURING);
        put(table, "C12N 1/00", BIOMANUFACTURING);
        put(table, "C12N 5/00", BIOMANUFACTURING);
        put(table, "C12N 9/00", BIOMANUFACTURING);
        return table;
    }

    private static void put(
            Map<IpcPattern, Set<FutureIndustry>> table, String pattern, FutureIndustry first, FutureIndustry... more) {
        Set<FutureIndustry> industries = EnumSet.of(first, more);
        if (table.put(IpcPattern.parse(pattern), Collections.unmodifiableSet(industries)) != null) {
            throw new IllegalStateException("pattern " + pattern + " is in the table twice");
        }
    }
}
