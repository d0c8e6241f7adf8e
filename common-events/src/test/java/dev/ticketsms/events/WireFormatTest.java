package dev.ticketsms.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON every service reads and writes. A failure here means the wire format changed:
 * that is a new topic version, not an edit of the golden file.
 */
class WireFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID TICKET = UUID.fromString("0b7e7f4c-3a51-4c1e-9d8e-2f1a6b4c5d01");
    private static final UUID TEAM = UUID.fromString("5f0c2a8e-9b1d-4e7f-8a3c-6d2e1f0b9a02");
    private static final Instant AT = Instant.parse("2026-11-25T14:03:07.123Z");

    static Stream<Arguments> ticketEvents() {
        return Stream.of(
                Arguments.of("ticket-created.json", new TicketCreated(
                        UUID.fromString("c3f1e2d4-5b6a-4798-8a9b-0c1d2e3f4a51"), AT, TICKET, TEAM, 1,
                        "Database Connection Issue", Severity.HIGH, "Technical", "user-42", "John Doe", 1234L)),
                Arguments.of("ticket-status-changed.json", new TicketStatusChanged(
                        UUID.fromString("d4e2f3a5-6c7b-48a9-9bac-1d2e3f4a5b62"), AT, TICKET, TEAM, 2,
                        "Database Connection Issue", Severity.HIGH, "Technical",
                        TicketStatus.OPEN, TicketStatus.RESOLVED, "user-7", "Ada Lovelace", 1234L)));
    }

    static Stream<Arguments> profileEvents() {
        return Stream.of(
                Arguments.of("team-member-added.json", new TeamMemberAdded(
                        UUID.fromString("e5f3a4b6-7d8c-49ba-acbd-2e3f4a5b6c73"), AT, TEAM, "user-42")),
                Arguments.of("team-member-removed.json", new TeamMemberRemoved(
                        UUID.fromString("f6a4b5c7-8e9d-4acb-bdce-3f4a5b6c7d84"), AT, TEAM, "user-42")),
                Arguments.of("sms-opt-out-received.json", new SmsOptOutReceived(
                        UUID.fromString("a7b5c6d8-9fae-4bdc-8edf-4a5b6c7d8e95"), AT, "+14155550101", "STOP",
                        "SM0123456789abcdef0123456789abcdef")),
                Arguments.of("sms-opt-in-received.json", new SmsOptInReceived(
                        UUID.fromString("b8c6d7e9-a0bf-4ced-9fe0-5b6c7d8e9fa6"), AT, "+14155550101", "START",
                        "SM1123456789abcdef0123456789abcdef")),
                Arguments.of("sms-number-unusable.json", new SmsNumberUnusable(
                        UUID.fromString("c9d7e8fa-b1c0-4dfe-a0f1-6c7d8e9fa0b7"), AT, "+15005550009", "21614",
                        "'To' number is not a valid mobile number")),
                Arguments.of("phone-verification-requested.json", new PhoneVerificationRequested(
                        UUID.fromString("dae8f90b-c2d1-4e0f-b102-7d8e9fa0b1c8"), AT, "user-42", "+14155550101",
                        "042917", Instant.parse("2026-11-25T14:13:07.123Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ticketEvents")
    void ticketEventSerializesToItsGoldenFile(String file, TicketEvent event) throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ticketEvents")
    void goldenFileDeserializesToTheTicketEvent(String file, TicketEvent event) throws IOException {
        assertThat(JSON.readValue(goldenText(file), TicketEvent.class)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profileEvents")
    void profileEventSerializesToItsGoldenFile(String file, ProfileEvent event) throws IOException {
        assertThat(JSON.readTree(JSON.writeValueAsString(event))).isEqualTo(golden(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profileEvents")
    void goldenFileDeserializesToTheProfileEvent(String file, ProfileEvent event) throws IOException {
        assertThat(JSON.readValue(goldenText(file), ProfileEvent.class)).isEqualTo(event);
    }

    /** Records written before tickets had a number have no ticketNumber: they still read, with null for it. */
    @ParameterizedTest(name = "{0} without ticketNumber")
    @MethodSource("ticketEvents")
    void ticketEventWithoutNumberStillDeserializes(String file, TicketEvent event) throws IOException {
        var old = (tools.jackson.databind.node.ObjectNode) golden(file);
        old.remove("ticketNumber");
        TicketEvent read = JSON.readValue(JSON.writeValueAsString(old), TicketEvent.class);
        assertThat(read).usingRecursiveComparison().ignoringFields("ticketNumber").isEqualTo(event);
        assertThat(read).extracting("ticketNumber").isNull();
    }

    private static JsonNode golden(String file) throws IOException {
        return JSON.readTree(goldenText(file));
    }

    private static String goldenText(String file) throws IOException {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
