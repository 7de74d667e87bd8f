package org.techmarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.techmarket.support.EnumScan;

/**
 * The refusal codes are named once, in one enum per module, and the README tells clients every one of them.
 */
class ProblemCodesTest {

    private static final Pattern QUOTED_CODE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private static final List<Enum<?>> CODES = EnumScan.constantsOf(ProblemCode.class);

    @Test
    void everyModuleNamesItsCodesInOneEnum() {
        assertThat(CODES)
                .extracting(code -> code.getDeclaringClass().getSimpleName())
                .contains(
                        "SharedCodes",
                        "ParticipantCodes",
                        "AssetCodes",
                        "RightsCodes",
                        "LedgerCodes",
                        "ReferenceCodes",
                        "OperationsCodes");
    }

    @Test
    void noCodeIsNamedTwice() {
        Map<String, String> owner = new HashMap<>();
        for (Enum<?> code : CODES) {
            String enumName = code.getDeclaringClass().getSimpleName();
            String earlier = owner.putIfAbsent(code.name(), enumName);
            assertThat(earlier)
                    .as("%s, named in %s, again in %s", code, earlier, enumName)
                    .isNull();
        }
    }

    @Test
    void theReadmeNamesEveryCode() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher quoted = QUOTED_CODE.matcher(Files.readString(Path.of("README.md")));
        while (quoted.find()) {
            documented.add(quoted.group(1));
        }
        assertThat(CODES).isNotEmpty();
        assertThat(documented).containsAll(CODES.stream().map(Enum::name).toList());
    }
}
