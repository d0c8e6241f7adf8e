package dev.ticketsms.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A service's HTTP port for the proxy tests: records each request it gets and answers what the test told it. The
 * real services behind the console are exercised by end-to-end-tests' WebConsoleEndToEndIT.
 */
final class ServiceStandIn implements AutoCloseable {

    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(",", entry.getValue())).findFirst().orElse(null);
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, Map.of("Content-Type", "application/json"), "{}");

    ServiceStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
            Answer reply = answer;
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void answer(int status, Map<String, String> headers, String body) {
        answer = new Answer(status, headers, body);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
