package dev.ticketsms.console;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands each API call of the console's pages to the service that owns it and its answer back unchanged: status,
 * body (problem details included) and the headers a client acts on (ETag, Retry-After, WWW-Authenticate...). The
 * token travels in the request as the browser sent it; the console itself checks nothing, every service checks it.
 */
@RestController
class ApiProxy {

    private static final Logger log = LoggerFactory.getLogger(ApiProxy.class);

    /** What a client sends that a service reads; cookies, hosts and hop-by-hop headers stay here. */
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH,
            "Idempotency-Key", "traceparent", "tracestate");

    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "etag", "location", "retry-after",
            "www-authenticate", "cache-control", "expires", "pragma", "last-modified", "vary");

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Upstreams upstreams;
    private final ConsoleProperties properties;
    private final HttpClient http;

    ApiProxy(Upstreams upstreams, ConsoleProperties properties) {
        this.upstreams = upstreams;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @RequestMapping({"/api/**", "/dev/token", "/sandbox/messages"})
    ResponseEntity<byte[]> forward(HttpServletRequest request) throws IOException, InterruptedException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        var target = target(request)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Not found",
                        "The console forwards the services' public APIs only; " + request.getRequestURI() + " is none of them"));
        if (!METHODS.contains(method)) {
            throw problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", method + " is not forwarded");
        }
        HttpRequest outbound = outbound(request, method, target.uri());
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(outbound, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            log.warn("{} did not answer {} {} within {}", target.service(), method, request.getRequestURI(), properties.timeout());
            throw problem(HttpStatus.GATEWAY_TIMEOUT, "Service did not answer",
                    target.service() + " did not answer within " + properties.timeout().toSeconds() + " s");
        } catch (ConnectException e) {
            log.warn("{} is not reachable at {}: {}", target.service(), target.uri().getAuthority(), e.toString());
            throw problem(HttpStatus.BAD_GATEWAY, "Service not reachable", target.service() + " is not reachable");
        }
        var headers = new HttpHeaders();
        answer.headers().map().forEach((name, values) -> {
            if (RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.addAll(name, name.equalsIgnoreCase(HttpHeaders.LOCATION)
                        ? values.stream().map(ApiProxy::onThisOrigin).toList() : values);
            }
        });
        return ResponseEntity.status(answer.statusCode()).headers(headers).body(answer.body());
    }

    private Optional<Upstreams.Target> target(HttpServletRequest request) {
        try {
            return upstreams.target(request.getRequestURI(), request.getQueryString());
        } catch (Upstreams.MalformedTargetException e) {
            // the services' 400 shape: a title, a detail, and the field with its reason
            var invalid = problem(HttpStatus.BAD_REQUEST, "Invalid request", "url is not a valid URL: " + e.getMessage());
            invalid.getBody().setProperty("errors", List.of(Map.of("field", "url", "message", "is not a valid URL: " + e.getMessage())));
            throw invalid;
        }
    }

    /**
     * A service names a new resource at its own address ({@code http://ticket-service:8081/api/tickets/…}); the
     * browser knows only the console's, where the same path leads to it.
     */
    private static String onThisOrigin(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private HttpRequest outbound(HttpServletRequest request, String method, URI uri) throws IOException {
        var builder = HttpRequest.newBuilder(uri).timeout(properties.timeout());
        for (String name : REQUEST_HEADERS) {
            var values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                builder.header(name, values.nextElement());
            }
        }
        byte[] body = body(request);
        return builder.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** The whole body, read no further than the limit, so a huge upload never fills the console's memory. */
    private byte[] body(HttpServletRequest request) throws IOException {
        long limit = properties.maxRequestBody().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        byte[] body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static ErrorResponseException tooLarge(long limit) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The console forwards request bodies of at most " + limit + " bytes");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
