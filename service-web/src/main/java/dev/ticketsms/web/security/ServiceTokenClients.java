package dev.ticketsms.web.security;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;

/**
 * How one service calls another: a {@link RestClient} that sends a client-credentials token of the given OAuth2
 * registration (fetched and renewed by Spring Security) and gives up after the given timeouts. The services that call
 * out (ticket- and notification-service, both to profile-service) declare {@code spring-boot-starter-security-oauth2-client}
 * themselves; service-web only names it as optional.
 */
public final class ServiceTokenClients {

    private ServiceTokenClients() {
    }

    /** Tokens by the client-credentials grant, outside any user's request. */
    public static OAuth2AuthorizedClientManager clientCredentials(ClientRegistrationRepository registrations,
                                                                  OAuth2AuthorizedClientService authorizedClients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    public static RestClient restClient(RestClient.Builder builder, URI baseUrl, String clientRegistrationId,
                                        Duration connectTimeout, Duration readTimeout,
                                        OAuth2AuthorizedClientManager serviceTokens) {
        var tokens = new OAuth2ClientHttpRequestInterceptor(serviceTokens);
        tokens.setClientRegistrationIdResolver(request -> clientRegistrationId);
        var settings = HttpClientSettings.defaults().withConnectTimeout(connectTimeout).withReadTimeout(readTimeout);
        return builder
                .baseUrl(baseUrl.toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .requestInterceptor(tokens)
                .build();
    }
}
