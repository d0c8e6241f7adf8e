package dev.ticketsms.ticket;

import org.springframework.boot.SpringApplication;
import dev.ticketsms.outbox.OutboxConfiguration;
import dev.ticketsms.web.problems.ProblemResponses;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@Import({ProblemResponses.class, OutboxConfiguration.class})
@ConfigurationPropertiesScan
public class TicketServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketServiceApplication.class, args);
    }
}
