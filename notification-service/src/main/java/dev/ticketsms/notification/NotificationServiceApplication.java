package dev.ticketsms.notification;

import org.springframework.boot.SpringApplication;
import dev.ticketsms.web.problems.ProblemResponses;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@Import(ProblemResponses.class)
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
