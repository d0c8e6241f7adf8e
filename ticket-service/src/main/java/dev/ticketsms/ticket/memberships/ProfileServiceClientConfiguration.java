package dev.ticketsms.ticket.memberships;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
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
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    @Bean
    RestClient profileServiceClient(RestClient.Builder builder, ProfileServiceProperties properties,
                                    OAuth2AuthorizedClientManager serviceTokens) {
        var tokens = new OAuth2ClientHttpRequestInterceptor(serviceTokens);
        tokens.setClientRegistrationIdResolver(request -> properties.clientRegistrationId());
        var settings = HttpClientSettings.defaults()
                .withConnectTimeout(properties.connectTimeout())
                .withReadTimeout(properties.readTimeout());
        return builder
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .requestInterceptor(tokens)
                .build();
    }
}
