package org.techmarket.shared;

import java.util.List;
import java.util.Map;

/**
 * An expected refusal of a request: carries a stable machine {@code code}, a kind that decides the HTTP
 * status in one place, a human detail, optional field errors and optional extra properties.
 */
public class Rejection extends RuntimeException {

    /** What sort of refusal this is; the web layer maps each kind to one HTTP status. */
    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        PRECONDITION_FAILED,
        UNPROCESSABLE,
        TOO_LARGE,
        /** Too many attempts: carries the seconds to wait in the property {@code retryAfter}. */
        TOO_MANY_REQUESTS;

        /** The HTTP status this kind of refusal answers with, on the API and on the pages alike. */
        public int httpStatus() {
            return switch (this) {
                case INVALID -> 400;
                case UNAUTHENTICATED -> 401;
                case FORBIDDEN -> 403;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case PRECONDITION_FAILED -> 412;
                case UNPROCESSABLE -> 422;
                case TOO_LARGE -> 413;
                case TOO_MANY_REQUESTS -> 429;
            };
        }
    }

    /** One problem with one field of a request. */
    public record FieldError(String field, String message) {}

    private final String code;
    private final Kind kind;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;
    private final boolean hidesExisting;

    public Rejection(Kind kind, ProblemCode code, String detail) {
        this(kind, code.name(), detail);
    }

    public Rejection(
            Kind kind, ProblemCode code, String detail, List<FieldError> errors, Map<String, Object> properties) {
        this(kind, code.name(), detail, errors, properties);
    }

    /** A refusal whose code is given as text; a module that names its codes passes its {@link ProblemCode}. */
    public Rejection(Kind kind, String code, String detail) {
        this(kind, code, detail, List.of(), Map.of());
    }

    public Rejection(Kind kind, String code, String detail, List<FieldError> errors, Map<String, Object> properties) {
        this(kind, code, detail, errors, properties, false);
    }

    private Rejection(
            Kind kind,
            String code,
            String detail,
            List<FieldError> errors,
            Map<String, Object> properties,
            boolean hidesExisting) {
        super(detail, null, false, false);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
        this.hidesExisting = hidesExisting;
    }

    /**
     * The same refusal, known to hide something that exists from a caller who may not see it (a 404 for another
     * organization's resource): answered the same, but recorded as a refused access. Never shown to the caller.
     */
    public Rejection hidingExisting() {
        return new Rejection(kind, code, getMessage(), errors, properties, true);
    }

    public boolean hidesExisting() {
        return hidesExisting;
    }

    public static Rejection invalid(ProblemCode code, String field, String message) {
        return invalid(code.name(), field, message);
    }

    public static Rejection invalid(String code, String field, String message) {
        return new Rejection(Kind.INVALID, code, message, List.of(new FieldError(field, message)), Map.of());
    }

    public static Rejection notFound(String what, String id) {
        return new Rejection(Kind.NOT_FOUND, SharedCodes.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static Rejection forbidden(String detail) {
        return new Rejection(Kind.FORBIDDEN, SharedCodes.FORBIDDEN, detail);
    }

    public static Rejection conflict(ProblemCode code, String detail) {
        return new Rejection(Kind.CONFLICT, code, detail);
    }

    public static Rejection conflict(String code, String detail) {
        return new Rejection(Kind.CONFLICT, code, detail);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
