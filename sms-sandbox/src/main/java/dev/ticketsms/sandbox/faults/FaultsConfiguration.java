package dev.ticketsms.sandbox.faults;

import dev.ticketsms.sandbox.stats.SandboxStats;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Faults act on message requests only, after the credentials check: a 401 is never faulted away. */
@Configuration(proxyBeanMethods = false)
class FaultsConfiguration implements WebMvcConfigurer {

    /** After {@code AccountAuthentication}, which the Twilio API configuration registers at order 0. */
    private static final int AFTER_AUTHENTICATION = 10;

    private final Faults faults;
    private final SandboxStats stats;

    FaultsConfiguration(Faults faults, SandboxStats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FaultInjection(faults, stats))
                .addPathPatterns("/2010-04-01/Accounts/*/Messages.json")
                .order(AFTER_AUTHENTICATION);
    }
}
