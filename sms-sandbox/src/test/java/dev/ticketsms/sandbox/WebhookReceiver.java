package dev.ticketsms.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the application's webhook endpoints: it records every form POST
 * and answers with scripted responses, then with the default answer (204 unless set).
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, String signature, String contentType, String userAgent, Map<String, String> form) {
    }

    public record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private volatile Answer defaultAnswer = new Answer(204, null, "");

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path} on this receiver, as the sandbox will call (and sign) it. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public synchronized void answerNext(Answer... answers) {
        scripted.addAll(List.of(answers));
    }

    public void answerAlways(Answer answer) {
        defaultAnswer = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("X-Twilio-Signature"),
                    headers.getFirst("Content-Type"), headers.getFirst("User-Agent"), form(body)));
            var answer = next();
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private synchronized Answer next() {
        return scripted.isEmpty() ? defaultAnswer : scripted.poll();
    }

    private static Map<String, String> form(String body) {
        var form = new LinkedHashMap<String, String>();
        if (body.isEmpty()) {
            return form;
        }
        for (var pair : body.split("&")) {
            var equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
