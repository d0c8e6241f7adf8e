package dev.ticketsms.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the sandbox, speaking its wire format the way a Twilio client would. */
public final class SandboxHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    public SandboxHttp(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    public static String basicAuth(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Posts a form the way Twilio clients do; {@code form} is name, value, name, value, ... */
    public Reply postForm(String path, String authorization, String... form) {
        var encoded = new ArrayList<String>();
        for (int i = 0; i < form.length; i += 2) {
            encoded.add(URLEncoder.encode(form[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        var request = request(path, authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(String.join("&", encoded)));
        return send(request);
    }

    public Reply get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    public Reply delete(String path) {
        return send(request(path, null).DELETE());
    }

    public Reply postJson(String path, String json) {
        return send(request(path, null).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    public Reply putJson(String path, String json) {
        return send(request(path, null).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    /** A GET whose answer is not JSON (the inbox page, a redirect). */
    public HttpResponse<String> getPage(String path) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String authorization) {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            var json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response.headers(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, HttpHeaders headers, JsonNode json) {
    }
}
