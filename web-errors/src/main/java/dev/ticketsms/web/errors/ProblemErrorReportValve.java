package dev.ticketsms.web.errors;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's report for errors that never reach the application (a path it cannot decode, {@code GET /%zz}): a
 * problem detail instead of Tomcat's HTML page. Errors the application answered itself have a body already and are
 * left alone.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var problem = ErrorAnswers.problem(ErrorAnswers.status(response.getStatus()));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(ErrorAnswers.members(problem)));
                response.finishResponse();
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone or the response was committed meanwhile: nothing more to tell it; Tomcat would
            // swallow anything thrown here as well
        }
    }

    static boolean isTomcatsOwn(Object valve) {
        return valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve);
    }
}
