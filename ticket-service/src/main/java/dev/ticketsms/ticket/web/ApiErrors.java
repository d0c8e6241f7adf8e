package dev.ticketsms.ticket.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns bad input into RFC 9457 problem details that name each offending field and say why,
 * in an {@code errors} list of {@code {field, message}}.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return badRequest("The request has invalid fields.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return switch (ex.getMostSpecificCause()) {
            case UnrecognizedPropertyException e ->
                    badRequest("The request has a field this API does not accept.",
                            List.of(new FieldError(path(e), "is not a field of this request")));
            case InvalidFormatException e when e.getTargetType() != null && e.getTargetType().isEnum() ->
                    badRequest("The request has a value this field does not accept.",
                            List.of(new FieldError(path(e), "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                                    .map(Object::toString).collect(Collectors.joining(", ")))));
            case JacksonException e when !e.getPath().isEmpty() ->
                    badRequest("The request has a value of the wrong type.",
                            List.of(new FieldError(path(e), "has the wrong type or format")));
            default -> badRequest("The request body is missing or is not valid JSON.", List.of());
        };
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return badRequest("A parameter has the wrong format.",
                List.of(new FieldError(name, "must be a valid " + type)));
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ResponseEntity<Object> badRequest(String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
