package dev.ticketsms.profile.teams;

import static dev.ticketsms.profile.web.Tokens.admin;
import static dev.ticketsms.profile.web.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import dev.ticketsms.events.Topics;
import dev.ticketsms.profile.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/** Membership changes reach profiles.events.v1 through the outbox: once per real change, keyed by team id. */
class MembershipEventsTest extends IntegrationTest {

    private static final JsonMapper WIRE = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void addingAndRemovingMembersPublishesOneEventPerChangeInOrder() throws Exception {
        String team = createTeam();

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(admin("ada"))).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "alice").with(admin("ada"))).andExpect(status().isNoContent());
        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "bob").with(admin("ada"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, "alice").with(admin("ada"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/teams/{id}/members/{userId}", team, "carol").with(admin("ada"))).andExpect(status().isNoContent());

        List<ConsumerRecord<String, String>> records = recordsKeyed(team, 3);
        List<ProfileEvent> events = records.stream().map(r -> WIRE.readValue(r.value(), ProfileEvent.class)).toList();
        assertThat(events).extracting(event -> event.getClass().getSimpleName() + " " + userOf(event))
                .containsExactly("TeamMemberAdded alice", "TeamMemberAdded bob", "TeamMemberRemoved alice");
        assertThat(records.getFirst().headers().lastHeader("ce_type").value())
                .asString(StandardCharsets.UTF_8).isEqualTo("team.member-added.v1");
        assertThat(records.getFirst().headers().lastHeader("ce_subject").value())
                .asString(StandardCharsets.UTF_8).isEqualTo(team);
        assertThat(records.getFirst().headers().lastHeader("ce_id").value())
                .asString(StandardCharsets.UTF_8).isEqualTo(events.getFirst().eventId().toString());
        assertThat(records.getFirst().headers().lastHeader("__TypeId__")).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from outbox_events").query(Long.class).single() == 0);
    }

    @Test
    void aRefusedChangePublishesNothing() throws Exception {
        String team = createTeam();

        mvc.perform(put("/api/teams/{id}/members/{userId}", team, "mallory").with(user("mallory", "Mallory")))
                .andExpect(status().isForbidden());

        assertThat(jdbc.sql("select count(*) from outbox_events where message_key = :team").param("team", team)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from team_members").query(Long.class).single()).isZero();
    }

    private static String userOf(ProfileEvent event) {
        return switch (event) {
            case TeamMemberAdded added -> added.userId();
            case TeamMemberRemoved removed -> removed.userId();
            default -> "?";
        };
    }

    private List<ConsumerRecord<String, String>> recordsKeyed(String key, int expected) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "membership-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PROFILE_EVENTS));
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                });
                return records.size() >= expected;
            });
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private String createTeam() throws Exception {
        String body = mvc.perform(post("/api/teams").with(admin("ada"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Support"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
