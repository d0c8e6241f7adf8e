package dev.ticketsms.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every service decides about its HTTP edge ({@code service-web.*}).
 *
 * @param maxRequestBody the largest request body accepted; a larger one is a 413 before it is read
 * @param exposure       who may read the API description and the metrics
 */
@ConfigurationProperties("service-web")
public record ServiceWebProperties(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue Exposure exposure) {

    /**
     * Health ({@code /actuator/health/**}) is always open: orchestrators probe it without a token.
     *
     * @param apiDocs    {@code /v3/api-docs/**} and the Swagger UI
     * @param prometheus {@code /actuator/prometheus}
     */
    public record Exposure(@DefaultValue("open") Access apiDocs, @DefaultValue("open") Access prometheus) {
    }

    public enum Access {
        /** anyone, without a token */
        OPEN,
        /** any valid token of the configured issuer and audience */
        AUTHENTICATED,
        /** nobody (403) */
        OFF
    }
}
