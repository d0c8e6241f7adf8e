package dev.ticketsms.sandbox.twilio;

import dev.ticketsms.sandbox.SandboxProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Everything under Twilio's API version prefix needs the account's credentials; the sandbox's own API does not. */
@Configuration(proxyBeanMethods = false)
class TwilioApiConfiguration implements WebMvcConfigurer {

    static final String API_PATHS = "/2010-04-01/**";

    private final SandboxProperties properties;

    TwilioApiConfiguration(SandboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // order 0: before fault injection, so a wrong password is a 401 whatever faults are in force
        registry.addInterceptor(new AccountAuthentication(properties)).addPathPatterns(API_PATHS).order(0);
    }
}
