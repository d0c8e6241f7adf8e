package dev.ticketsms.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reference web console: the static pages under {@code static/} and a reverse proxy that hands their API calls to
 * ticket-, profile- and notification-service, so the browser talks to one origin and no service needs CORS.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebConsoleApplication.class, args);
    }
}
