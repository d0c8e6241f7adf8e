package dev.ticketsms.web.problems;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
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
 * frontend sees one error shape whichever service it calls.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

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
