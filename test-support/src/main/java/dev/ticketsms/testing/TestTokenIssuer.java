package dev.ticketsms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A token issuer for black-box tests of one service: it publishes a JWKS on a loopback port and signs real tokens,
 * so requests go through the service's own token checks (signature, issuer, audience) rather than a mocked
 * authentication. Tokens name the issuer's address as {@code iss}. (The local stack's issuer, with its token
 * endpoints, is local-stack's {@code DevTokenIssuer}; services cannot depend on the launcher that starts them.)
 */
public final class TestTokenIssuer implements AutoCloseable {

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private TestTokenIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static TestTokenIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (var body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
            return new TestTokenIssuer(key, server);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the signing key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the service's resource server at this issuer and makes it accept {@code audience}. */
    public void register(DynamicPropertyRegistry registry, String audience) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> issuer + "/.well-known/jwks.json");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> audience);
    }

    /** A user's token for {@code audience}. */
    public String userToken(String audience, String userId, String... roles) {
        return sign(new JWTClaimsSet.Builder().subject(userId).claim("name", userId).claim("roles", List.of(roles))
                .audience(audience));
    }

    /** A client-credentials token of {@code clientId} for {@code audience}, as Keycloak shapes it (azp and client_id). */
    public String clientToken(String audience, String clientId, String scope) {
        return sign(new JWTClaimsSet.Builder().subject(clientId).claim("azp", clientId).claim("client_id", clientId)
                .claim("scope", scope).audience(audience));
    }

    /** A token with any further claims (say a user token that carries a service's scope). */
    public String token(String audience, Map<String, Object> claims) {
        var builder = new JWTClaimsSet.Builder().audience(audience);
        claims.forEach(builder::claim);
        return sign(builder);
    }

    private String sign(JWTClaimsSet.Builder claims) {
        Instant now = Instant.now();
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.issuer(issuer).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                            .jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
