package dev.ticketsms.sandbox.twilio;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any path under Twilio's API version that the sandbox does not serve answers like Twilio does for a
 * resource it does not have: 404 with error 20404, after the credentials check.
 */
@RestController
class UnknownTwilioResources {

    @RequestMapping("/2010-04-01/**")
    void notFound(HttpServletRequest request) {
        throw TwilioApiException.notFound(request.getRequestURI());
    }
}
