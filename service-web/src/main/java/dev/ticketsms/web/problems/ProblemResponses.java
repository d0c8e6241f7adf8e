package dev.ticketsms.web.problems;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ticketsms.web.input.NulCharacterException;
import dev.ticketsms.web.input.NulCharacters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Spring's ProblemDetail handling, plus an {@code errors} list naming each bad field and why, so
 * that bad input is always a 400 a client can show next to the field. Every service imports it, so the
 * frontend sees one error shape whichever service it calls. A database that is briefly unreachable, overloaded or
 * lost a lock race is a 503 with {@code Retry-After}, the same in every service; anything unexpected is left to
 * Boot's error handling, a generic 500 that shows neither stack trace nor message.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    /** Seconds a client is asked to wait after a 503: long enough for a pool or a failover to recover. */
    static final String RETRY_AFTER_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /**
     * Temporary database trouble: no connection, a timeout, a deadlock or serialization failure. The same request
     * may well succeed shortly, so it is a 503 with {@code Retry-After}; the body says nothing about SQL or tables.
     * An optimistic-lock failure is not temporary (retrying the same stale write fails again): services that have
     * a better answer (ticket-service's 412) handle it in their own advice, here it is a 409.
     */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        if (e instanceof OptimisticLockingFailureException) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Someone else changed this at the same moment; fetch it again and retry.");
            problem.setTitle("Concurrent change");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        log.warn("Database temporarily unavailable; answering 503: {}", e.toString());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now; retry in a few seconds.");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(ex, InvalidField.problem(fields), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        // a @Valid request body validated together with constrained parameters: name its fields
                        ? body.getFieldErrors().stream().map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                                .map(error -> new InvalidField(result.getMethodParameter().getParameterName(),
                                        error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(ex, InvalidField.problem(fields), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        var field = new InvalidField(name, "must be " + expected(ex.getRequiredType()));
        return handleExceptionInternal(ex, InvalidField.problem(List.of(field)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, unreadable(ex.getCause()), headers, status, request);
    }

    private static Object unreadable(Throwable cause) {
        return switch (cause) {
            case NulCharacterException nul -> InvalidField.problem(List.of(new InvalidField(path(nul), NulCharacters.REASON)));
            case UnrecognizedPropertyException unknown -> InvalidField.problem(List.of(
                    new InvalidField(path(unknown), "is not a known field")));
            case MismatchedInputException mismatch when !mismatch.getPath().isEmpty() -> InvalidField.problem(List.of(
                    new InvalidField(path(mismatch), "must be " + expected(mismatch.getTargetType()))));
            case StreamReadException malformed -> InvalidField.problem(
                    "The request body is not valid JSON" + where(malformed), List.of());
            case JacksonException other when !other.getPath().isEmpty() -> InvalidField.problem(List.of(
                    new InvalidField(path(other), "has an invalid value")));
            case null, default -> InvalidField.problem("The request body is missing or is not a JSON object", List.of());
        };
    }

    private static String path(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(StreamReadException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }
}
