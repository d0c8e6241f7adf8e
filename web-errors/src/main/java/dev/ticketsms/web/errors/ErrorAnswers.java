package dev.ticketsms.web.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem a service answers when no handler of its own could: the servlet container refused the request before
 * any controller saw it (a malformed {@code %}-escape in the query or path, a header too large, a URL Spring
 * Security's firewall rejects) or something failed outside a controller. Nothing of the request is echoed back: it
 * may be what made the container refuse it.
 */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static ProblemDetail problem(HttpStatus status) {
        if (status == HttpStatus.BAD_REQUEST) {
            // the shape of every other 400: a title, the detail, and the (here unknown) fields in errors
            var problem = ProblemDetail.forStatusAndDetail(status, "The request could not be read: its URL or headers are"
                    + " malformed (a '%' must be followed by two hex digits, and a URL may not hold encoded slashes,"
                    + " backslashes, dot segments or control characters)");
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of());
            return problem;
        }
        var problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The problem as the JSON members RFC 9457 names, for writers that have no ProblemDetail converter. */
    static Map<String, Object> members(ProblemDetail problem) {
        var members = new LinkedHashMap<String, Object>();
        members.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this URL";
            case METHOD_NOT_ALLOWED -> "This URL does not take that method";
            case CONTENT_TOO_LARGE -> "The request body is too large";
            case URI_TOO_LONG -> "The URL is too long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large";
            case SERVICE_UNAVAILABLE -> "The service cannot answer right now; retry in a few seconds";
            default -> status.is5xxServerError() ? "Something went wrong on our side; the request was not completed"
                    : status.getReasonPhrase();
        };
    }
}
