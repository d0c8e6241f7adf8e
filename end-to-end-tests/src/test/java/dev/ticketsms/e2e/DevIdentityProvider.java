package dev.ticketsms.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A token issuer for the test: publishes its JWKS for the services' resource-server checks, answers OAuth2
 * client-credentials requests for service tokens, and mints user tokens for the test's HTTP calls.
 */
final class DevIdentityProvider implements AutoCloseable {

    static final String SERVICE_CLIENT_ID = "notification-service";
    static final String SERVICE_CLIENT_SECRET = "e2e-secret";

    private final RSAKey key;
    private final HttpServer server;

    DevIdentityProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", exchange ->
                respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/token", this::clientCredentials);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String userToken(String userId, String name, String... roles) {
        return sign(new JWTClaimsSet.Builder().subject(userId).claim("name", name).claim("roles", List.of(roles)), baseUrl());
    }

    /** A token signed with the right key but naming another issuer, as a token from a neighbouring tenant would. */
    String userTokenFromIssuer(String issuer, String userId) {
        return sign(new JWTClaimsSet.Builder().subject(userId).claim("name", userId).claim("roles", List.of()), issuer);
    }

    private void clientCredentials(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (SERVICE_CLIENT_ID + ":" + SERVICE_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String token = sign(new JWTClaimsSet.Builder().subject(SERVICE_CLIENT_ID).claim("scope", form.getOrDefault("scope", "")),
                baseUrl());
        respond(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":3600,"scope":"%s"}"""
                .formatted(token, form.getOrDefault("scope", "")));
    }

    private String sign(JWTClaimsSet.Builder claims, String issuer) {
        Instant now = Instant.now();
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.issuer(issuer).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&"))
                .filter(pair -> pair.contains("="))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
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
