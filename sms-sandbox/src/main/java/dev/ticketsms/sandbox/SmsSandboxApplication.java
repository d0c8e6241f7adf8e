package dev.ticketsms.sandbox;

import java.time.Clock;

import dev.ticketsms.web.problems.ProblemResponses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemResponses.class)
public class SmsSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SmsSandboxApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
