package dev.ticketsms.localstack;

import dev.ticketsms.localstack.StackOptions.SmsTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyReportTest {

    private static final Map<String, OptionalLong> MEMORY = Map.of("Kafka", OptionalLong.of(300 * 1024));

    @Test
    void theReadmeShowsWordForWordTheDemoTheLauncherPrints() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        assertThat(readme).contains(ReadyReport.DEMO);
    }

    @Test
    void theReportSaysReadyWithTheTimeTheMemoryAndTheDemoForTheDemoTeam() {
        UUID team = UUID.randomUUID();
        String text = new ReadyReport(Duration.ofMillis(48_250), new StackOptions(true, SmsTarget.SANDBOX), team, MEMORY).text();

        assertThat(text).contains("ready in 48.3 s", "Kafka", "300 MB", "Demo team " + team, ReadyReport.DEMO,
                "the sms-sandbox", "web console           http://127.0.0.1:8080");
    }

    @Test
    void withoutDemoDataThereIsNoDemoAndWithTwilioTheReportWarnsOfRealMessages() {
        String text = new ReadyReport(Duration.ofSeconds(50), new StackOptions(false, SmsTarget.TWILIO_FROM_ENVIRONMENT),
                null, MEMORY).text();

        assertThat(text).doesNotContain(ReadyReport.DEMO).contains("real messages");
    }
}
