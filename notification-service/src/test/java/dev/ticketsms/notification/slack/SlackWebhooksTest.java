package dev.ticketsms.notification.slack;

import dev.ticketsms.events.Severity;
import dev.ticketsms.notification.recipients.Channel;
import dev.ticketsms.notification.recipients.Recipient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which tickets a team's Slack channel gets, and that a bad webhook setting never shows Slack's token. */
class SlackWebhooksTest {

    private static final UUID OPS = UUID.fromString("3f2b8c1e-0000-4000-8000-0000000000aa");
    private static final Recipient MEMBER = new Recipient("pia", "+14155550101", "Pia");

    @Test
    void aTeamWithAWebhookGetsItsChannelAddedForTicketsSevereEnough() {
        var slack = new SlackWebhooks(new SlackWebhooks.Settings(
                List.of(OPS + "=https://hooks.slack.com/services/T1/B1/token"), Severity.HIGH, Duration.ofSeconds(5)));

        assertThat(slack.withTeamChannel(OPS, Severity.CRITICAL, List.of(MEMBER))).hasSize(2).last()
                .satisfies(channel -> {
                    assertThat(channel.channel()).isEqualTo(Channel.SLACK);
                    assertThat(SlackWebhooks.teamOf(channel.userId())).contains(OPS);
                });
        assertThat(slack.withTeamChannel(OPS, Severity.MEDIUM, List.of(MEMBER))).containsExactly(MEMBER);
        assertThat(slack.withTeamChannel(UUID.randomUUID(), Severity.CRITICAL, List.of(MEMBER))).containsExactly(MEMBER);
    }

    @Test
    void aMalformedEntryStopsTheStartNamingTheSettingButNotTheUrl() {
        assertThatThrownBy(() -> new SlackWebhooks(new SlackWebhooks.Settings(
                List.of("ops=https://hooks.slack.com/services/T1/B1/secret-token"), Severity.LOW, Duration.ofSeconds(5))))
                .hasMessageContaining("SLACK_WEBHOOKS").hasMessageContaining("\"ops\"")
                .hasMessageNotContaining("secret-token");
    }
}
