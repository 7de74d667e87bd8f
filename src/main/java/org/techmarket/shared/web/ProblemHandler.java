package org.techmarket.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.techmarket.shared.ProblemWriter;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where refusals become HTTP: every error leaves as {@code application/problem+json} with a
 * stable {@code code} and, for field problems, {@code errors[]}. Anything unexpected is a 500 and is logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A Java class or package name (or a nested class's {@code $}), which no detail may show. */
    private static final Pattern INTERNAL_NAME = Pattern.compile("\\$|\\b(java|jakarta|org|com|tools)\\.[a-z]");

    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejection(Rejection rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(rejection.kind()), rejection.getMessage());
        problem.setProperty("code", rejection.code());
        problem.setProperty("errors", rejection.errors());
        rejection.properties().forEach(problem::setProperty);
        if (rejection.kind() == Rejection.Kind.TOO_MANY_REQUESTS
                && rejection.properties().get("retryAfter") != null) {
            return ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(
                            HttpHeaders.RETRY_AFTER,
                            String.valueOf(rejection.properties().get("retryAfter")))
                    .body(problem);
        }
        return problemResponse(problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info(
                "Refused a write that broke a database constraint: {}",
                e.getMostSpecificCause().getMessage());
        return problemResponse(problem(
                HttpStatus.CONFLICT,
                SharedCodes.CONSTRAINT_VIOLATION,
                "The change conflicts with the current state; nothing was stored",
                List.of()));
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockFailure(PessimisticLockingFailureException e) {
        return problemResponse(problem(
                HttpStatus.CONFLICT,
                SharedCodes.CONCURRENT_UPDATE,
                "Another request changed the same data at the same time; retry",
                List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problemResponse(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                SharedCodes.INTERNAL_ERROR,
                "An unexpected error occurred; it has been logged",
                List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Rejection.FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.add(new Rejection.FieldError(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error ->
                        errors.add(new Rejection.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return problemResponse(problem(
                HttpStatus.BAD_REQUEST, SharedCodes.VALIDATION_FAILED, "The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Rejection.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new Rejection.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return problemResponse(problem(
                HttpStatus.BAD_REQUEST, SharedCodes.VALIDATION_FAILED, "The request has invalid values", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause =
                findCause(ex, JacksonException.class).<Throwable>map(j -> j).orElse(ex.getMostSpecificCause());
        java.util.Optional<Rejection> refused = findCause(ex, Rejection.class);
        if (refused.isPresent()) {
            return rejectionInBody(refused.get(), cause instanceof JacksonException json ? path(json) : "");
        }
        if (findCause(ex, BodySizeLimitFilter.BodyTooLargeException.class).isPresent()) {
            return problemResponse(problem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    SharedCodes.BODY_TOO_LARGE,
                    "The request body is too large",
                    List.of()));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problemResponse(problem(
                    HttpStatus.BAD_REQUEST,
                    SharedCodes.UNKNOWN_FIELD,
                    "Unknown field '" + field + "'",
                    List.of(new Rejection.FieldError(field, "is not a known field"))));
        }
        if (cause instanceof StreamReadException read
                && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")
                && read.processor() != null) {
            String field = path(read.processor().streamReadContext());
            return problemResponse(problem(
                    HttpStatus.BAD_REQUEST,
                    SharedCodes.DUPLICATE_FIELD,
                    "Field '" + field + "' is given more than once",
                    List.of(new Rejection.FieldError(field, "is given more than once"))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problemResponse(problem(
                    HttpStatus.BAD_REQUEST,
                    SharedCodes.INVALID_TYPE,
                    "Field '" + field + "' has the wrong type or format",
                    List.of(new Rejection.FieldError(field, "has the wrong type or format"))));
        }
        if (cause instanceof MismatchedInputException whole) {
            return problemResponse(
                    problem(HttpStatus.BAD_REQUEST, SharedCodes.INVALID_TYPE, wholeBodyMismatch(whole), List.of()));
        }
        // A token-level error describes the JSON text; any other names the types it was read into, which stay inside.
        String detail = cause instanceof StreamReadException json && json.getOriginalMessage() != null
                ? "Malformed JSON: " + tokenProblem(json.getOriginalMessage())
                : "The request body is missing or is not valid JSON";
        return problemResponse(problem(HttpStatus.BAD_REQUEST, SharedCodes.MALFORMED_JSON, detail, List.of()));
    }

    /** The parser's words on the JSON text, without its notes on where it started or how it is configured. */
    private static String tokenProblem(String message) {
        String text = message;
        for (String note : new String[] {" (start marker at", "\n", " at [Source"}) {
            int at = text.indexOf(note);
            text = at < 0 ? text : text.substring(0, at);
        }
        return INTERNAL_NAME.matcher(text).find() || text.contains("Feature.") ? "the body is not valid JSON" : text;
    }

    private static String wholeBodyMismatch(MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (target != null && (target.isArray() || java.util.Collection.class.isAssignableFrom(target))) {
            return "The request body must be a JSON array";
        }
        if (target != null
                && (target == String.class
                        || Number.class.isAssignableFrom(target)
                        || target.isPrimitive()
                        || target.isEnum())) {
            return "The request body has the wrong type";
        }
        return "The request body must be a JSON object";
    }

    /** The dotted path of the property a parser was at, such as {@code organization.region} or {@code items[2].id}. */
    private static String path(TokenStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                parts.push(at.currentName());
            } else if (at.inArray()) {
                parts.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.isEmpty() || part.startsWith("[") ? "" : ".").append(part);
        }
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given
                ? given
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        if (problem.getDetail() != null
                && INTERNAL_NAME.matcher(problem.getDetail()).find()) {
            problem.setDetail(ProblemWriter.detailFor(statusCode.value()));
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(ex, statusCode));
            problem.setProperty("errors", List.of());
        }
        return new ResponseEntity<>(problem, headers, statusCode);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof NoResourceFoundException) {
            return SharedCodes.NOT_FOUND.name();
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return SharedCodes.METHOD_NOT_ALLOWED.name();
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return SharedCodes.UNSUPPORTED_MEDIA_TYPE.name();
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return SharedCodes.NOT_ACCEPTABLE.name();
        }
        if (ex instanceof MissingServletRequestParameterException) {
            return SharedCodes.MISSING_PARAMETER.name();
        }
        if (ex instanceof MissingRequestHeaderException) {
            return SharedCodes.MISSING_HEADER.name();
        }
        if (ex instanceof MethodArgumentTypeMismatchException
                || ex instanceof org.springframework.beans.TypeMismatchException) {
            return SharedCodes.INVALID_PARAMETER.name();
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? SharedCodes.ERROR.name() : known.name();
    }

    static HttpStatus status(Rejection.Kind kind) {
        return HttpStatus.valueOf(kind.httpStatus());
    }

    private static ProblemDetail problem(
            HttpStatus status, SharedCodes code, String detail, List<Rejection.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.name());
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A value in the body refused itself while being read (e.g. Money): its fields are placed under the path. */
    private ResponseEntity<Object> rejectionInBody(Rejection rejection, String path) {
        List<Rejection.FieldError> errors = rejection.errors().stream()
                .map(e -> new Rejection.FieldError(
                        path.isEmpty() ? e.field() : e.field().isEmpty() ? path : path + "." + e.field(), e.message()))
                .toList();
        return rejection(new Rejection(
                rejection.kind(), rejection.code(), rejection.getMessage(), errors, rejection.properties()));
    }

    private static <T extends Throwable> java.util.Optional<T> findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return java.util.Optional.of(type.cast(t));
            }
        }
        return java.util.Optional.empty();
    }
}
