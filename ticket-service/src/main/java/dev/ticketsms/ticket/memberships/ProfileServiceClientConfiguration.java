package dev.ticketsms.ticket.memberships;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import dev.ticketsms.web.security.ServiceTokenClients;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;

/** The client for profile-service's internal membership answer, with a client-credentials service token. */
@Configuration(proxyBeanMethods = false)
class ProfileServiceClientConfiguration {

    /**
     * @param baseUrl              where profile-service answers ({@code PROFILE_SERVICE_URL})
     * @param clientRegistrationId the OAuth2 client registration whose client-credentials token is sent
     * @param connectTimeout       connect timeout of each lookup; short, a ticket creation waits for it
     * @param readTimeout          read timeout of each lookup; short for the same reason
     */
    @Validated
    @ConfigurationProperties("tickets.profile-service")
    record ProfileServiceProperties(@NotNull URI baseUrl, @NotBlank String clientRegistrationId,
                                    @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {
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
