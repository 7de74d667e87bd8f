package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The refusal codes are named once, in one enum per module, and the README tells clients every one of them.
 */
class ProblemCodesTest {

    private static final Pattern QUOTED_CODE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    @Test
    void everyModuleNamesItsCodesInOneEnum() {
        assertThat(codeEnums()).extracting(Class::getSimpleName).contains("SharedCodes", "ParticipantCodes",
                "AssetCodes", "RightsCodes", "LedgerCodes", "ReferenceCodes", "OperationsCodes");
    }

    @Test
    void noCodeIsNamedTwice() {
        Map<String, String> owner = new HashMap<>();
        for (Class<?> codes : codeEnums()) {
            for (Object code : codes.getEnumConstants()) {
                String earlier = owner.putIfAbsent(((ProblemCode) code).name(), codes.getSimpleName());
                assertThat(earlier).as("%s in %s", code, codes.getSimpleName()).isNull();
            }
        }
    }

    @Test
    void theReadmeNamesEveryCode() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher quoted = QUOTED_CODE.matcher(Files.readString(Path.of("README.md")));
        while (quoted.find()) {
            documented.add(quoted.group(1));
        }
        Set<String> codes = new TreeSet<>();
        codeEnums().forEach(type -> Arrays.stream(type.getEnumConstants()).map(c -> ((ProblemCode) c).name())
                .forEach(codes::add));
        assertThat(codes).isNotEmpty();
        assertThat(documented).containsAll(codes);
    }

    private static Set<Class<?>> codeEnums() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProblemCode.class));
        Set<Class<?>> enums = new LinkedHashSet<>();
        for (BeanDefinition found : scanner.findCandidateComponents("org.techmarket")) {
            try {
                Class<?> type = Class.forName(found.getBeanClassName());
                if (type.isEnum()) {
                    enums.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return enums;
    }
}
