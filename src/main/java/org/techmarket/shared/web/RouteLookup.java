package org.techmarket.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method without testing every route against it. A path with an id in it
 * ({@code /api/v1/listings/{id}/bids}) matches no route by its exact text, so Spring MVC tests the request against
 * each of the market's few hundred routes, its method first (asked through every wrapper the security filters put
 * round the request) and then its pattern: a fifth of a bid's time in the server went there. Here a route is first
 * tested by its pattern's literal start, the text before its first variable or wildcard, which the request's path
 * must begin with for the pattern to match; only the routes left are tested as Spring tests them, so the answer,
 * 405 and 415 among them, is the same. A path with a percent sign is matched on its decoded segments, which its text
 * need not start with, so it is tested against every route as before.
 */
@Configuration(proxyBeanMethods = false)
class RouteLookup {

    @Bean
    WebMvcRegistrations routesByLiteralStart() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new ByLiteralStart();
            }
        };
    }

    /** Spring MVC's mapping of requests to controller methods, with each route first tested by its literal start. */
    static final class ByLiteralStart extends RequestMappingHandlerMapping {

        private static final String[] ANY = new String[] {""};

        /** The path being looked up on this thread; absent outside a lookup, when routes are tested as Spring does. */
        private static final ThreadLocal<String> LOOKING_UP = new ThreadLocal<>();

        /** Each route's literal starts, one per pattern; {@link #ANY} for a route any path may match. */
        private final Map<RequestMappingInfo, String[]> starts = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            boolean byStart = lookupPath.indexOf('%') < 0
                    && getPatternParser() != null
                    && getPatternParser().isCaseSensitive();
            if (!byStart) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            LOOKING_UP.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKING_UP.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKING_UP.get();
            if (path != null && !startsWithAny(path, starts.computeIfAbsent(info, ByLiteralStart::literalStarts))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsWithAny(String path, String[] starts) {
            for (String start : starts) {
                if (path.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }

        static String[] literalStarts(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null) {
                return ANY;
            }
            Set<PathPattern> patterns = condition.getPatterns();
            if (patterns.isEmpty()) {
                return ANY;
            }
            return patterns.stream()
                    .map(pattern -> literalStart(pattern.getPatternString()))
                    .toArray(String[]::new);
        }

        /** The text before a pattern's first variable or wildcard: every path it matches begins with it. */
        static String literalStart(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    return pattern.substring(0, i);
                }
            }
            return pattern;
        }
    }
}
