package dev.ticketsms.console;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the pages may offer here: the dev sign-in form, and the sandbox's messages as the user's phone. */
@RestController
class ConsoleSettingsController {

    record Settings(boolean devSignIn, boolean sandbox) {
    }

    private final Upstreams upstreams;

    ConsoleSettingsController(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @GetMapping("/console/settings")
    Settings settings() {
        return new Settings(upstreams.devSignIn(), upstreams.sandbox());
    }
}
