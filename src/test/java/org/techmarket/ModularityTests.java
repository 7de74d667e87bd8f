package org.techmarket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(TechmarketApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    /**
     * Rewrites {@code docs/modules/}: the component diagram of all modules, one diagram and one canvas per module.
     * It only writes, so a build from a clean clone passes; a change to the modules shows as a diff there. The
     * diagrams' elements and relations and the canvases' lists come out in no fixed order, so each run of them is
     * sorted: unchanged modules give unchanged files.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram :
                    files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, sortRuns(Files.readAllLines(diagram)));
            }
        }
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path canvas : files.filter(f -> f.getFileName().toString().startsWith("module-"))
                    .filter(f -> f.toString().endsWith(".adoc"))
                    .toList()) {
                Files.write(canvas, sortLists(Files.readAllLines(canvas)));
            }
        }
    }

    /**
     * The lines, with each list of a canvas's table cell sorted: a cell's list starts with {@code |* item} and goes
     * on with {@code * item} lines.
     */
    static List<String> sortLists(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            if (!items.isEmpty() && line.isBlank()) {
                continue; // the documenter writes an event a module listens to from itself as an empty item
            }
            boolean continues = !items.isEmpty() && line.startsWith("* ");
            if (!continues) {
                addSorted(items, sorted);
            }
            if (line.startsWith("|* ")) {
                items.add(line.substring(1));
            } else if (!continues) {
                sorted.add(line);
            } else {
                items.add(line);
            }
        }
        addSorted(items, sorted);
        return sorted;
    }

    /** Adds a cell's list to {@code lines} sorted, the first item marked as the cell's start, and empties it. */
    private static void addSorted(List<String> items, List<String> lines) {
        if (items.isEmpty()) {
            return;
        }
        items.sort(null);
        lines.add("|" + items.get(0));
        lines.addAll(items.subList(1, items.size()));
        items.clear();
    }

    /** The lines, with each run of consecutive {@code Component(…)} or {@code Rel(…)} lines sorted. */
    static List<String> sortRuns(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = kind(line);
            if (runKind != null && !runKind.equals(kind)) {
                run.sort(null);
                sorted.addAll(run);
                run.clear();
            }
            runKind = kind;
            if (kind == null) {
                sorted.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        sorted.addAll(run);
        return sorted;
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("Component(") || trimmed.startsWith("Rel(")) {
            return line.substring(0, line.indexOf(trimmed)) + trimmed.substring(0, trimmed.indexOf('('));
        }
        return null;
    }
}
