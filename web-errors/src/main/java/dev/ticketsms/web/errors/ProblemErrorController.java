package dev.ticketsms.web.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's error page ({@code /error}, where the container forwards every {@code sendError} and every exception no
 * handler took) as a problem detail instead of Boot's {@code {"timestamp", "error", "path"}} shape, so a client
 * reads one error format from every answer of the service. The content type is fixed, so a browser's
 * {@code Accept: text/html} still gets the problem rather than a 406. Not part of any API description ({@code @Hidden}
 * is dropped where springdoc is absent, in the sandbox).
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var status = ErrorAnswers.status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(ErrorAnswers.problem(status));
    }
}
