package dev.ticketsms.sandbox.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature} of a form-encoded webhook: Base64(HMAC-SHA1(auth token, the URL
 * exactly as called followed by every form parameter's name and value, sorted by name)). The receiving
 * application checks it with {@code com.twilio.security.RequestValidator}.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private WebhookSignature() {
    }

    public static String of(String authToken, String url, Map<String, String> form) {
        var signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", unavailable);
        }
    }
}
