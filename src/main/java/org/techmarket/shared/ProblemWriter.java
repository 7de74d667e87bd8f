package org.techmarket.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Writes a problem+json body directly, for refusals made before a request reaches a controller. */
public final class ProblemWriter {

    private ProblemWriter() {}

    public static void write(HttpServletResponse response, int status, String title, ProblemCode code, String detail)
            throws IOException {
        write(response, status, title, code.name(), detail);
    }

    public static void write(HttpServletResponse response, int status, String title, String code, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, title, code, detail));
    }

    /** The problem+json text itself, for writers that hold no servlet response of their own. */
    public static String body(int status, String title, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        body.put("errors", List.of());
        return CanonicalJson.write(body);
    }

    /** The stable code of a refusal known only by its status, as the servlet container or a bare error gives it. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> SharedCodes.INVALID_REQUEST.name();
            case 401 -> SharedCodes.UNAUTHENTICATED.name();
            case 403 -> SharedCodes.FORBIDDEN.name();
            case 404 -> SharedCodes.NOT_FOUND.name();
            case 405 -> SharedCodes.METHOD_NOT_ALLOWED.name();
            case 413 -> SharedCodes.BODY_TOO_LARGE.name();
            case 414 -> SharedCodes.URI_TOO_LONG.name();
            case 431 -> SharedCodes.HEADERS_TOO_LARGE.name();
            case 500 -> SharedCodes.INTERNAL_ERROR.name();
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? SharedCodes.ERROR.name() : known.name();
            }
        };
    }

    /** The reason phrase of a status, as problem+json's {@code title}. */
    public static String titleFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** A detail for a refusal known only by its status, naming nothing internal. */
    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its path, query or headers are not valid for this API";
            case 404 -> "There is nothing at this address";
            case 413 -> "The request body is too large";
            case 414 -> "The request URL is too long";
            case 431 -> "The request headers are too large";
            default ->
                status >= 500
                        ? "An unexpected error occurred; it has been logged"
                        : "The request was refused (" + titleFor(status) + ")";
        };
    }
}
