package org.techmarket.web.base;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.techmarket.shared.Rejection;

/**
 * A page that fails answers with an HTML page in its language, never a stack trace: the status, a heading, and the
 * refusal worded from {@code problem.<CODE>} when the bundles know the code (otherwise the refusal's own detail on an
 * English page, a general sentence for the status on a Chinese one). Calls to the API, and requests that do not ask
 * for HTML, are left to the problem+json handler.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    static final String VIEW = "base/error";

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        // after Spring Boot's error attributes, which only take note of the exception, before every other resolver
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!isPage(request)) {
            return null;
        }
        Locale locale = RequestContextUtils.getLocale(request);
        int status;
        String detail;
        if (failure instanceof Rejection rejection) {
            status = rejection.kind().httpStatus();
            detail = worded("problem." + rejection.code(), rejection.getMessage(), status, locale);
        } else if (failure instanceof ErrorResponse known) {
            status = known.getStatusCode().value();
            detail = generic(status, locale);
        } else {
            status = 500;
            log.error("Unexpected failure of page {}", request.getRequestURI(), failure);
            detail = generic(status, locale);
        }
        response.setStatus(status);
        return page(status, detail);
    }

    /** The error page for {@code status} with its general sentence. */
    static ModelAndView page(int status, String detail) {
        ModelAndView page = new ModelAndView(VIEW, Map.of("status", status, "detail", detail));
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return page;
    }

    String generic(int status, Locale locale) {
        String family = status >= 500 ? "5xx" : "4xx";
        return messages.getMessage(
                "error." + status,
                null,
                messages.getMessage("error." + family, null, "Something went wrong.", locale),
                locale);
    }

    private String worded(String key, String detail, int status, Locale locale) {
        String fallback = "en".equals(locale.getLanguage()) ? detail : generic(status, locale);
        return messages.getMessage(key, null, fallback, locale);
    }

    /** A browser asking for a page: not the API nor the operations endpoints, and HTML accepted. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
