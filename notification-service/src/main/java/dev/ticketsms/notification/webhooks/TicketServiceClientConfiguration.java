package dev.ticketsms.notification.webhooks;

import dev.ticketsms.web.security.ServiceTokenClients;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;

/** ticket-service, for members' replies by SMS ("RESOLVE 1234"); its token has scope tickets:sms-commands. */
@Configuration(proxyBeanMethods = false)
class TicketServiceClientConfiguration {

    /**
     * @param baseUrl              where ticket-service answers
     * @param clientRegistrationId the OAuth2 client registration whose client-credentials token is sent
     * @param connectTimeout       connect timeout of each command
     * @param readTimeout          read timeout of each command; Twilio waits 15 s for the webhook's answer, which
     *                             also waits for profile-service's owner lookup
     */
    @Validated
    @ConfigurationProperties("notifications.ticket-service")
    record TicketServiceProperties(@NotNull URI baseUrl, @NotBlank String clientRegistrationId,
                                   @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
    }

    @Bean
    RestClient ticketServiceClient(RestClient.Builder builder, TicketServiceProperties properties,
                                   OAuth2AuthorizedClientManager serviceTokens) {
        return ServiceTokenClients.restClient(builder, properties.baseUrl(), properties.clientRegistrationId(),
                properties.connectTimeout(), properties.readTimeout(), serviceTokens);
    }
}
