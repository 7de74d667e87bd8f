package org.techmarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.techmarket.support.IntegrationTest;

/**
 * The market's own controller mappings against paths made from their own patterns (variables filled in, the path
 * without its last variable, a trailing separator, other case, percent-encoding, a matrix parameter) and every HTTP
 * method: no mapping that Spring MVC's full evaluation matches is ever passed over, and on a path with a variable
 * almost every other mapping is.
 */
class LiteralPrefixMappingsIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void noMappingThatMatchesIsPassedOver() {
        assertThat(mappings).isInstanceOf(LiteralPrefixMappings.class);
        LiteralPrefixMappings prefixed = (LiteralPrefixMappings) mappings;
        Set<RequestMappingInfo> infos = mappings.getHandlerMethods().keySet();
        Set<String> paths = new LinkedHashSet<>();
        for (RequestMappingInfo info : infos) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                paths.addAll(pathsFrom(pattern.getPatternString()));
            }
        }
        assertThat(infos).hasSizeGreaterThan(100);
        int matches = 0;
        for (String path : paths) {
            for (RequestMethod method : RequestMethod.values()) {
                MockHttpServletRequest request = request(method.name(), path);
                for (RequestMappingInfo info : infos) {
                    if (prefixed.fullMatch(info, request) != null) {
                        matches++;
                        assertThat(prefixed.mayMatch(info, request))
                                .as("%s %s matches %s", method, path, info)
                                .isTrue();
                    }
                }
            }
        }
        // The paths made from the patterns do match: the check above was not vacuous.
        assertThat(matches).isGreaterThan(infos.size());
    }

    @Test
    void aPathWithAVariableLeavesFewCandidates() {
        LiteralPrefixMappings prefixed = (LiteralPrefixMappings) mappings;
        MockHttpServletRequest bid = request("POST", "/api/v1/listings/5d1c6f3e-0000-4000-8000-000000000001/bids");
        long candidates = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> prefixed.mayMatch(info, bid))
                .count();
        assertThat(candidates)
                .isPositive()
                .isLessThan(mappings.getHandlerMethods().size() / 5);
        assertThat(mappings.getHandlerMethods().keySet().stream()
                        .filter(info -> prefixed.fullMatch(info, bid) != null)
                        .count())
                .isOne();
    }

    @Test
    void aLiteralBeginningIsTheWholeSegmentsBeforeTheFirstVariable() {
        assertThat(LiteralPrefixMappings.literalBeginning("/api/v1/listings/{id}/bids"))
                .isEqualTo("/api/v1/listings");
        assertThat(LiteralPrefixMappings.literalBeginning("/api/v1/me")).isEqualTo("/api/v1/me");
        assertThat(LiteralPrefixMappings.literalBeginning("/files/**")).isEqualTo("/files");
        assertThat(LiteralPrefixMappings.literalBeginning("/files/{*rest}")).isEqualTo("/files");
        assertThat(LiteralPrefixMappings.literalBeginning("/a/b{x}.json")).isEqualTo("/a");
        assertThat(LiteralPrefixMappings.literalBeginning("/{id}")).isEmpty();
        assertThat(LiteralPrefixMappings.literalBeginning("")).isEmpty();
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** Paths a pattern matches, and paths next to it that it may or may not match. */
    private static List<String> pathsFrom(String pattern) {
        String filled = pattern.replaceAll("\\{\\*[^}]+}", "x/y")
                .replaceAll("\\{[^}]+}", "a1")
                .replace("**", "x/y")
                .replace("*", "z");
        List<String> paths = new ArrayList<>(List.of(filled, filled + "/", filled.toUpperCase(), filled + ";v=1"));
        paths.add(filled.replace("a", "%61"));
        int variable = pattern.indexOf('{');
        if (variable > 0) {
            paths.add(pattern.substring(0, variable));
            paths.add(pattern.substring(0, variable - 1));
        }
        return paths;
    }
}
