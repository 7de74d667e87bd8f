package org.techmarket.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The controllers' request mappings, with each mapping whose literal beginning the request's path does not start with
 * passed over before its conditions are evaluated.
 *
 * <p>A path with no variable is found by a direct look-up, but a path with one ({@code /listings/{id}}, a listing's
 * bids, a deal room) makes Spring MVC evaluate every mapping's conditions in turn (HTTP method, parameters, headers,
 * media types, then the pattern): some 250 of them on each such request, a sixth of a bid's CPU. A mapping's literal
 * beginning (its whole segments before the first variable or wildcard, worked out once per mapping) is a necessary
 * condition of a match, so a path that does not start with it cannot match and the mapping is passed over with one
 * string comparison; the path is read from the request once per look-up, not once per mapping (reading a request
 * attribute goes through every wrapper of the filter chain). The rule holds only where the raw path is what patterns are matched against: a path with a
 * percent-encoded character or a matrix parameter ({@code ;}), and a parser that ignores case, are matched the full
 * way. The surviving candidates are matched, ordered and chosen by Spring MVC exactly as before.
 */
final class LiteralPrefixMappings extends RequestMappingHandlerMapping {

    /** The path of the request whose handler the calling thread is looking up, when it may be filtered on. */
    private static final ThreadLocal<String> LOOKING_UP = new ThreadLocal<>();

    private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

    /** Works out once per request whether and on what path the mappings may be filtered. */
    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKING_UP.set(plainPath(request));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKING_UP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKING_UP.get();
        return path == null || startsWithABeginning(info, path) ? super.getMatchingMapping(info, request) : null;
    }

    /** What Spring MVC's own evaluation says of the mapping, with no mapping passed over: the reference. */
    RequestMappingInfo fullMatch(RequestMappingInfo info, HttpServletRequest request) {
        return super.getMatchingMapping(info, request);
    }

    /** False only when the request's path cannot match any of the mapping's patterns. */
    boolean mayMatch(RequestMappingInfo info, HttpServletRequest request) {
        String path = plainPath(request);
        return path == null || startsWithABeginning(info, path);
    }

    private boolean startsWithABeginning(RequestMappingInfo info, String path) {
        String[] known = beginnings.get(info);
        for (String beginning :
                known != null ? known : beginnings.computeIfAbsent(info, LiteralPrefixMappings::beginningsOf)) {
            if (path.startsWith(beginning)) {
                return true;
            }
        }
        return false;
    }

    /** The path as patterns see it, or null where a literal comparison could differ from the pattern's match. */
    private String plainPath(HttpServletRequest request) {
        PathPatternParser parser = getPatternParser();
        if (parser == null || !parser.isCaseSensitive() || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        String path = ServletRequestPathUtils.getParsedRequestPath(request)
                .pathWithinApplication()
                .value();
        return path.indexOf('%') >= 0 || path.indexOf(';') >= 0 ? null : path;
    }

    private static String[] beginningsOf(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.isEmptyPathMapping()) {
            return new String[] {""};
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(LiteralPrefixMappings::literalBeginning)
                .toArray(String[]::new);
    }

    /**
     * A pattern's whole literal segments before its first variable or wildcard, without the separator after them: a
     * pattern ending in {@code /**} or {@code /{*rest}} also matches the path without that separator. A pattern with
     * neither is its own beginning.
     */
    static String literalBeginning(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\' || c == '%' || c == ';') {
                return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', i - 1)));
            }
        }
        return pattern;
    }

    /** Has Spring Boot's MVC configuration build the controllers' mappings as {@link LiteralPrefixMappings}. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations literalPrefixMappings() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new LiteralPrefixMappings();
                }
            };
        }
    }
}
