package dev.ticketsms.sandbox.faults;

import jakarta.servlet.http.HttpServletRequest;

import dev.ticketsms.sandbox.stats.RequestOutcome;
import dev.ticketsms.sandbox.stats.SandboxStats;
import dev.ticketsms.sandbox.twilio.TwilioApiException;
import dev.ticketsms.sandbox.twilio.TwilioError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The {@code ACCEPT_THEN_} faults: once the Messages API has kept a message and is about to answer 201, the
 * answer is replaced by a Twilio 5xx body, or by nothing at all with the connection closed. The message
 * stays kept and is delivered, so the caller is left with Twilio's "outcome unknown" case. It has to act
 * before the body is written: Spring flushes, and so commits, a response as it writes the body.
 */
@ControllerAdvice
class LostAnswers implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(LostAnswers.class);
    private static final String FAULT = LostAnswers.class.getName() + ".FAULT";

    private final SandboxStats stats;

    LostAnswers(SandboxStats stats) {
        this.stats = stats;
    }

    /** Marks a message request whose 201, if it comes to one, {@code fault} replaces. */
    static void loseAnswerOf(HttpServletRequest request, Fault fault) {
        request.setAttribute(FAULT, fault);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servletRequest)
                || !(response instanceof ServletServerHttpResponse servletResponse)
                || !(servletRequest.getServletRequest().getAttribute(FAULT) instanceof Fault fault)) {
            return body;
        }
        // a refused message (4xx) was not kept: its answer stands
        if (servletResponse.getServletResponse().getStatus() != HttpStatus.CREATED.value()) {
            return body;
        }
        servletRequest.getServletRequest().removeAttribute(FAULT);
        log.info("Kept the message, then {} instead of its 201", fault.kind());
        return switch (fault.kind()) {
            case ACCEPT_THEN_SERVER_ERROR -> {
                var error = TwilioApiException.serverError(HttpStatus.valueOf(fault.status()));
                stats.answerReplaced(RequestOutcome.ACCEPTED_THEN_SERVER_ERROR, error.code());
                response.setStatusCode(error.status());
                yield TwilioError.of(error);
            }
            case ACCEPT_THEN_DROP_CONNECTION -> {
                stats.answerReplaced(RequestOutcome.ACCEPTED_THEN_CONNECTION_DROPPED, null);
                ConnectionDrops.drop(servletRequest.getServletRequest());
                // no body: nothing is written, so the connection can still close without an answer
                yield null;
            }
            default -> throw new IllegalStateException("not a fault that keeps the message: " + fault.kind());
        };
    }
}
