package dev.ticketsms.web.problems;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** One entry of a 400 problem's {@code errors}: which field and why, e.g. {@code phoneNumber} / "is too short". */
public record InvalidField(String field, String message) {

    /** A 400 problem listing the fields; its detail repeats them for clients that show only the detail. */
    public static ProblemDetail problem(List<InvalidField> fields) {
        String detail = switch (fields.size()) {
            case 0 -> "The request is invalid";
            case 1 -> fields.getFirst().field() + " " + fields.getFirst().message();
            default -> "Invalid fields: " + fields.stream().map(InvalidField::field).collect(Collectors.joining(", "));
        };
        return problem(detail, fields);
    }

    public static ProblemDetail problem(String detail, List<InvalidField> fields) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", fields);
        return problem;
    }
}
