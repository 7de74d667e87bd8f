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
     * diagrams' elements and relations come out in no fixed order, so each run of them is sorted: unchanged modules
     * give unchanged files.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, sortRuns(Files.readAllLines(diagram)));
            }
        }
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
