package dev.ticketsms.localstack;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The issuer as the services and a developer's curl see it: over HTTP, tokens checked against its published JWKS. */
class DevTokenIssuerTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static DevTokenIssuer issuer;

    @BeforeAll
    static void start() throws Exception {
        issuer = DevTokenIssuer.start(0, Map.of("notification-service", "s3cret"));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aUserTokenFromTheJsonEndpointCarriesTheClaimsAskedForAndVerifiesAgainstThePublishedKeys() throws Exception {
        var response = post("/token", "application/json", """
                {"sub":"dana","name":"Dana Demo","roles":["admin"]}""", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verified((String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(claims.getSubject()).isEqualTo("dana");
        assertThat(claims.getStringClaim("name")).isEqualTo("Dana Demo");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
        assertThat(claims.getIssuer()).isEqualTo(issuer.issuer());
        assertThat(claims.getAudience()).containsExactlyInAnyOrder("ticket-service", "profile-service", "notification-service");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void aUserWithoutNameOrRolesIsNamedAfterTheirIdAndHasNoRoles() throws Exception {
        var response = post("/token", "application/json", "{\"sub\":\"erin\"}", null);

        JWTClaimsSet claims = verified((String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(claims.getStringClaim("name")).isEqualTo("erin");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
    }

    @Test
    void aServiceTokenFromTheJsonEndpointCarriesItsScope() throws Exception {
        var response = post("/token", "application/json", """
                {"client_id":"notification-service","scope":"notifications:recipients"}""", null);

        JWTClaimsSet claims = verified((String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(claims.getSubject()).isEqualTo("notification-service");
        assertThat(claims.getStringClaim("scope")).isEqualTo("notifications:recipients");
        // profile-service's internal endpoints tell the calling service by azp (or client_id)
        assertThat(claims.getStringClaim("azp")).isEqualTo("notification-service");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("notification-service");
        assertThat(claims.getAudience()).contains("profile-service");
    }

    @Test
    void badJsonRequestsAre400ProblemsNamingEachField() throws Exception {
        var response = post("/token", "application/json", """
                {"sub":" ","name":7,"roles":"admin"}""", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) JSONObjectUtils.parse(response.body()).get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactly("sub", "name", "roles");
    }

    @Test
    void aBodyThatIsNotJsonIsA400() throws Exception {
        var response = post("/token", "application/json", "sub=dana", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSONObjectUtils.parse(response.body()).get("detail")).asString().contains("JSON object");
    }

    @Test
    void clientCredentialsWithBasicAuthGetAServiceTokenWithTheRequestedScope() throws Exception {
        var response = post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=notifications%3Arecipients", basic("notification-service", "s3cret"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("scope", "notifications:recipients");
        assertThat(verified((String) body.get("access_token")).getStringClaim("scope")).isEqualTo("notifications:recipients");
    }

    @Test
    void clientCredentialsInTheFormWorkToo() throws Exception {
        var response = post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=notification-service&client_secret=s3cret&scope=a", null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsRefusedAsInvalidClient() throws Exception {
        var response = post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", basic("notification-service", "guess"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void anotherGrantTypeIsRefused() throws Exception {
        var response = post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=password&username=a&password=b", basic("notification-service", "s3cret"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void aTokenNamingAnotherIssuerIsSignedWithTheSameKey() throws Exception {
        JWTClaimsSet claims = verified(issuer.userTokenNamingIssuer("https://other.example.com", "mallory"));

        assertThat(claims.getIssuer()).isEqualTo("https://other.example.com");
    }

    @Test
    void theWrongMethodIs405AndAnUnknownPathIs404() throws Exception {
        var get = http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/token")).build(),
                HttpResponse.BodyHandlers.ofString());
        var unknown = http.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + "/tokens")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static JWTClaimsSet verified(String token) throws Exception {
        var keys = http.send(HttpRequest.newBuilder(issuer.jwksUri()).build(), HttpResponse.BodyHandlers.ofString());
        RSAKey key = JWKSet.parse(keys.body()).getKeys().getFirst().toRSAKey();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(key.isPrivate()).as("the JWKS publishes the public key only").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature checks against the JWKS").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String authorization)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(issuer.issuer() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
