package dev.ticketsms.profile.profiles;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The seed's "user adoption of SMS notifications", counted in the database at each scrape. */
@Component
class ProfileMetrics implements MeterBinder {

    private final UserProfileRepository profiles;

    ProfileMetrics(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("profiles.with.phone", profiles, UserProfileRepository::countWithPhoneNumber)
                .description("Profiles with a phone number")
                .strongReference(true)
                .register(registry);
        Gauge.builder("profiles.sms.opted.in", profiles, UserProfileRepository::countReachableBySms)
                .description("Profiles that opted in to SMS and have a verified number Twilio has not refused")
                .strongReference(true)
                .register(registry);
        Gauge.builder("profiles.phone.unverified", profiles, UserProfileRepository::countUnverified)
                .description("Profiles whose number waits for its verification code to be confirmed")
                .strongReference(true)
                .register(registry);
        Gauge.builder("profiles.phone.unusable", profiles, UserProfileRepository::countUnusable)
                .description("Profiles whose number Twilio refused for good")
                .strongReference(true)
                .register(registry);
    }
}
