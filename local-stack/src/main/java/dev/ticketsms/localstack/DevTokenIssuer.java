package dev.ticketsms.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The development token issuer the local stack and the end-to-end test trust: one RSA key, generated at start,
 * published as a JWKS; tokens for any user id, name and roles; service tokens by OAuth2 client credentials.
 * <ul>
 *   <li>{@code GET /.well-known/jwks.json}: the public key the services check signatures with;</li>
 *   <li>{@code POST /token} with JSON {@code {"sub","name","roles"}}: a user token,
 *       or {@code {"client_id","scope"}}: a service token; the answer is {@code {"access_token": ...}};</li>
 *   <li>{@code POST /oauth2/token}: the standard form-encoded client-credentials grant (client_secret_basic or
 *       client_secret_post) for the registered clients, as notification-service asks for its service token.</li>
 * </ul>
 * The {@code iss} of every token is the issuer's base URL; its {@code aud} names every service of the stack
 * ({@link #AUDIENCES}), each of which accepts only tokens naming it. Service tokens name their client in
 * {@code client_id} and {@code azp}. It checks nobody's identity on {@code /token}: it is
 * for a developer's machine and tests only, and listens on the loopback interface.
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String TOKEN_PATH = "/token";
    public static final String OAUTH2_TOKEN_PATH = "/oauth2/token";

    /** The audience each service checks for with the local profile ({@code spring.security.oauth2.resourceserver.jwt.audiences}). */
    public static final List<String> AUDIENCES = List.of("ticket-service", "profile-service", "notification-service");

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final Map<String, String> clientSecrets;
    private final HttpServer server;
    private final String issuer;

    private DevTokenIssuer(RSAKey key, Map<String, String> clientSecrets, HttpServer server, String issuer) {
        this.key = key;
        this.clientSecrets = Map.copyOf(clientSecrets);
        this.server = server;
        this.issuer = issuer;
    }

    /**
     * Starts the issuer on a loopback address (port 0 picks a free one).
     *
     * @param clientSecrets the OAuth2 clients that may use {@code /oauth2/token}: client id to secret
     */
    public static DevTokenIssuer start(int port, Map<String, String> clientSecrets) throws IOException {
        return start(new InetSocketAddress("127.0.0.1", port), null, clientSecrets);
    }

    /**
     * Starts the issuer on any address, e.g. all interfaces of a container (see {@link DevIdentityProvider}).
     *
     * @param issuer the {@code iss} of every token, as the services are told it (the address they reach it at);
     *               null for {@code http://<bound host>:<bound port>}
     */
    public static DevTokenIssuer start(InetSocketAddress address, String issuer, Map<String, String> clientSecrets)
            throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the signing key", e);
        }
        HttpServer server = HttpServer.create(address, 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        var started = new DevTokenIssuer(key, clientSecrets, server, issuer != null ? issuer
                : "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
        server.createContext("/", started::route);
        server.start();
        return started;
    }

    /** The base URL, which is also the {@code iss} of every token. */
    public String issuer() {
        return issuer;
    }

    public URI jwksUri() {
        return URI.create(issuer + JWKS_PATH);
    }

    public URI oauth2TokenUri() {
        return URI.create(issuer + OAUTH2_TOKEN_PATH);
    }

    public String userToken(String userId, String name, String... roles) {
        return sign(userClaims(userId, name, List.of(roles)), issuer);
    }

    public String serviceToken(String clientId, String scope) {
        return sign(new JWTClaimsSet.Builder().subject(clientId).claim("client_id", clientId).claim("azp", clientId)
                .claim("scope", scope), issuer);
    }

    /** A token signed with this issuer's key but naming another issuer, as a token of a neighbouring tenant would. */
    public String userTokenNamingIssuer(String otherIssuer, String userId) {
        return sign(userClaims(userId, userId, List.of()), otherIssuer);
    }

    private static JWTClaimsSet.Builder userClaims(String userId, String name, List<String> roles) {
        return new JWTClaimsSet.Builder().subject(userId).claim("name", name).claim("roles", roles);
    }

    private void route(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestURI().getPath()) {
            case JWKS_PATH -> jwks(exchange);
            case TOKEN_PATH -> tokenForAnyone(exchange);
            case OAUTH2_TOKEN_PATH -> clientCredentials(exchange);
            default -> {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 404, "application/problem+json", JSONObjectUtils.toJSONString(Map.of(
                        "type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", "The issuer answers " + JWKS_PATH + ", " + TOKEN_PATH + " and " + OAUTH2_TOKEN_PATH)));
            }
        }
    }

    private void jwks(HttpExchange exchange) throws IOException {
        if (allowOnly("GET", exchange)) {
            respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
        }
    }

    private void tokenForAnyone(HttpExchange exchange) throws IOException {
        if (!allowOnly("POST", exchange)) {
            return;
        }
        Map<String, Object> request;
        try {
            request = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            badRequest(exchange, "The body must be a JSON object: {\"sub\",\"name\",\"roles\"} or {\"client_id\",\"scope\"}",
                    List.of());
            return;
        }
        var invalid = new ArrayList<Map<String, Object>>();
        String token;
        if (request.containsKey("client_id")) {
            String clientId = text(request, "client_id", true, invalid);
            String scope = text(request, "scope", false, invalid);
            token = invalid.isEmpty() ? serviceToken(clientId, scope == null ? "" : scope) : null;
        } else {
            String subject = text(request, "sub", true, invalid);
            String name = text(request, "name", false, invalid);
            List<String> roles = roles(request, invalid);
            token = invalid.isEmpty() ? sign(userClaims(subject, name == null ? subject : name, roles), issuer) : null;
        }
        if (!invalid.isEmpty()) {
            badRequest(exchange, "Invalid token request", invalid);
            return;
        }
        respond(exchange, 200, "application/json", tokenResponse(token, null));
    }

    private void clientCredentials(HttpExchange exchange) throws IOException {
        if (!allowOnly("POST", exchange)) {
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Optional<String[]> client = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"))
                .or(() -> Optional.ofNullable(form.get("client_id"))
                        .map(id -> new String[] {id, form.getOrDefault("client_secret", "")}));
        if (client.isEmpty() || !client.get()[1].equals(clientSecrets.get(client.get()[0]))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"dev-token-issuer\"");
            respond(exchange, 401, "application/json", oauthError("invalid_client", "Unknown client or wrong secret"));
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "application/json",
                    oauthError("unsupported_grant_type", "Only grant_type=client_credentials is supported"));
            return;
        }
        String scope = form.getOrDefault("scope", "");
        respond(exchange, 200, "application/json", tokenResponse(serviceToken(client.get()[0], scope), scope));
    }

    private String sign(JWTClaimsSet.Builder claims, String issuerClaim) {
        Instant now = Instant.now();
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.issuer(issuerClaim).audience(AUDIENCES).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                            .jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    private static String tokenResponse(String token, String scope) {
        var response = new LinkedHashMap<String, Object>();
        response.put("access_token", token);
        response.put("token_type", "Bearer");
        response.put("expires_in", TOKEN_LIFETIME.toSeconds());
        if (scope != null) {
            response.put("scope", scope);
        }
        return JSONObjectUtils.toJSONString(response);
    }

    private static String text(Map<String, Object> request, String field, boolean required, List<Map<String, Object>> invalid) {
        Object value = request.get(field);
        if (value == null) {
            if (required) {
                invalid.add(fieldError(field, "must not be blank"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            invalid.add(fieldError(field, "must be a string"));
            return null;
        }
        if (required && text.isBlank()) {
            invalid.add(fieldError(field, "must not be blank"));
        }
        return text;
    }

    private static List<String> roles(Map<String, Object> request, List<Map<String, Object>> invalid) {
        Object value = request.get("roles");
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        invalid.add(fieldError("roles", "must be an array of strings, e.g. [\"admin\"]"));
        return List.of();
    }

    private static Map<String, Object> fieldError(String field, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** The services' 400 shape: an RFC 9457 problem detail naming each invalid field. */
    private static void badRequest(HttpExchange exchange, String detail, List<Map<String, Object>> invalid) throws IOException {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", "Bad Request");
        problem.put("status", 400);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getPath());
        problem.put("errors", invalid);
        respond(exchange, 400, "application/problem+json", JSONObjectUtils.toJSONString(problem));
    }

    private static String oauthError(String error, String description) {
        return JSONObjectUtils.toJSONString(Map.of("error", error, "error_description", description));
    }

    private static boolean allowOnly(String method, HttpExchange exchange) throws IOException {
        if (method.equals(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().add("Allow", method);
        exchange.getRequestBody().readAllBytes();
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", "Method Not Allowed");
        problem.put("status", 405);
        problem.put("detail", exchange.getRequestURI().getPath() + " answers " + method + " only");
        respond(exchange, 405, "application/problem+json", JSONObjectUtils.toJSONString(problem));
        return false;
    }

    /** RFC 6749 2.3.1: the id and secret are form-encoded before they are joined and Base64-encoded. */
    private static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Map<String, String> form(String body) {
        try {
            return Arrays.stream(body.split("&"))
                    .filter(pair -> pair.contains("="))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                            p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (first, second) -> second));
        } catch (IllegalArgumentException malformed) {
            return Map.of();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
