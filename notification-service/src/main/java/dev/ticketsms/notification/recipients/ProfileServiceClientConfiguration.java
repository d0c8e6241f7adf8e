package dev.ticketsms.notification.recipients;

import dev.ticketsms.web.security.ServiceTokenClients;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.client.RestClient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ProfileServiceClientConfiguration {

    /**
     * @param baseUrl              where profile-service answers
     * @param clientRegistrationId the OAuth2 client registration whose client-credentials token is sent
     * @param connectTimeout       connect timeout of each lookup
     * @param readTimeout          read timeout of each lookup
     * @param cacheTtl             how long an answer is reused for the same team and filters; an opt-out reaches
     *                             this service's sends at most this late through the lookup (STOP replies act at once)
     */
    @Validated
    @ConfigurationProperties("notifications.profile-service")
    record ProfileServiceProperties(@NotNull URI baseUrl, @NotBlank String clientRegistrationId,
                                    @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
                                    @NotNull Duration cacheTtl) {
    }

    @Bean
    OAuth2AuthorizedClientManager serviceTokens(ClientRegistrationRepository registrations,
                                                OAuth2AuthorizedClientService authorizedClients) {
        return ServiceTokenClients.clientCredentials(registrations, authorizedClients);
    }

    @Bean
    RestClient profileServiceClient(RestClient.Builder builder, ProfileServiceProperties properties,
                                    OAuth2AuthorizedClientManager serviceTokens) {
        return ServiceTokenClients.restClient(builder, properties.baseUrl(), properties.clientRegistrationId(),
                properties.connectTimeout(), properties.readTimeout(), serviceTokens);
    }
}
