package dev.ticketsms.notification.webhooks;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl where Twilio reaches this service (PUBLIC_BASE_URL); signatures are checked against it.
 *                      Empty: no webhook can be verified, so all are refused
 * @param helpText      the reply to HELP / INFO
 * @param commandHelpText the reply to a body meant as a ticket command that is none ("RESOLVE", "FIX 1234")
 */
@Validated
@ConfigurationProperties("notifications.webhooks")
record WebhookProperties(String publicBaseUrl, @NotBlank String helpText, @NotBlank String commandHelpText) {

    String publicBaseUrlWithoutTrailingSlash() {
        return publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
    }
}
