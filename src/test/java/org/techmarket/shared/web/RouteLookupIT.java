package org.techmarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.techmarket.support.IntegrationTest;

/**
 * The market's routes found by their literal start answer every request as Spring MVC's own lookup, which tests
 * each route in full, answers it: the same controller method, or the same refusal (no route, a method not allowed, a
 * media type not supported). Checked for a path made from each of the market's route patterns, with each HTTP
 * method, and for the path changed as a client might change it: percent-encoded, in capitals, with a slash or a
 * segment more.
 */
class RouteLookupIT extends IntegrationTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteIsFoundAsSpringFindsItAndEveryMismatchIsRefusedAsSpringRefusesIt() {
        assertThat(routes).isInstanceOf(RouteLookup.ByLiteralStart.class);
        RequestMappingHandlerMapping reference = new RequestMappingHandlerMapping();
        reference.setApplicationContext(context);
        reference.setPatternParser(routes.getPatternParser());
        Map<RequestMappingInfo, HandlerMethod> all = routes.getHandlerMethods();
        all.forEach((info, method) -> reference.registerMapping(info, method.getBean(), method.getMethod()));
        assertThat(all).as("the market's routes").hasSizeGreaterThan(100);

        Set<String> paths = new LinkedHashSet<>(List.of("/", "/nowhere", "/api/v1/nowhere/x1"));
        for (RequestMappingInfo info : all.keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                paths.add(path);
                paths.add(path + "/");
                paths.add(path + "/more");
                paths.add(path.toUpperCase());
                paths.add(percentEncodedFirstLetter(path));
            }
        }

        List<String> found = new ArrayList<>();
        for (String path : paths) {
            for (String method : METHODS) {
                String expected = answer(reference, method, path);
                assertThat(answer(routes, method, path)).as(method + " " + path).isEqualTo(expected);
                if (expected.startsWith("handler ")) {
                    found.add(method + " " + path);
                }
            }
        }
        assertThat(found).as("requests a route answers").hasSizeGreaterThan(all.size());
    }

    /** A path the pattern matches: each variable a word, each wildcard a segment or two. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
                .replaceAll("\\{[^}:]*}", "x1")
                .replaceAll("\\{[^}]*:[^}]*}", "1")
                .replace("**", "a/b")
                .replace("*", "w")
                .replace("?", "q");
    }

    /** The path with its first letter percent-encoded, which a server decodes before it matches a route. */
    private static String percentEncodedFirstLetter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                return path.substring(0, i) + String.format("%%%02X", (int) c) + path.substring(i + 1);
            }
        }
        return path;
    }

    private static String answer(RequestMappingHandlerMapping mapping, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return chain.getHandler() instanceof HandlerMethod handler
                    ? "handler " + handler.getMethod().toGenericString()
                    : "other " + chain.getHandler().getClass().getName();
        } catch (Exception refused) {
            return "refused " + refused.getClass().getName();
        }
    }
}
