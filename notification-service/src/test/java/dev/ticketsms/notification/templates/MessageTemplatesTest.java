package dev.ticketsms.notification.templates;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplatesTest {

    private static final UUID TICKET = UUID.fromString("0b7e7f4c-3a51-4c1e-9d8e-2f1a6b4c5d01");
    private static final String LINK = "https://support.example.com/tickets/0b7e7f4c-3a51-4c1e-9d8e-2f1a6b4c5d01";
    private static final String CREATED = """
            New Support Ticket Created (#{number})
            Title: {title}
            Severity: {severity}
            Category: {category}
            Created by: {createdBy}
            {replyHint}

            View ticket: {link}""";
    private static final String STATUS_CHANGED = """
            Ticket Status Updated (#{number})
            Ticket: {title}
            Status: {fromStatus} -> {toStatus}
            Severity: {severity}
            {replyHint}

            View ticket: {link}""";
    private static final String REMINDER = """
            Reminder (#{number}): ticket {status} for {quietFor} without a change
            Ticket: {title}
            Severity: {severity}
            {replyHint}

            View ticket: {link}""";
    private static final String ESCALATION = """
            Escalated to you (#{number}): Critical ticket not picked up for {openFor}
            Ticket: {title}
            Category: {category}
            {replyHint}

            View ticket: {link}""";

    private final MessageTemplates templates = templates(2);

    private static MessageTemplates templates(int maxSegments) {
        return new MessageTemplates(new MessageTemplates.TemplateProperties(
                "https://support.example.com/tickets/{ticketId}", maxSegments, CREATED, STATUS_CHANGED, REMINDER, ESCALATION));
    }

    private static TicketCreated created(String title) {
        return new TicketCreated(UUID.randomUUID(), Instant.now(), TICKET, UUID.randomUUID(), 0,
                title, Severity.CRITICAL, "Technical", "user-42", "John Doe", 1234L);
    }

    private static TicketStatusChanged statusChanged(String title) {
        return new TicketStatusChanged(UUID.randomUUID(), Instant.now(), TICKET, UUID.randomUUID(), 3,
                title, Severity.HIGH, "Technical", TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, "user-7", "Ann Lee", 1234L);
    }

    private static TicketStatusChanged statusChanged(TicketStatus from, TicketStatus to, Long number) {
        return new TicketStatusChanged(UUID.randomUUID(), Instant.now(), TICKET, UUID.randomUUID(), 3,
                "Database Connection Issue", Severity.HIGH, "Technical", from, to, "user-7", "Ann Lee", number);
    }

    @Test
    void ticketCreatedFollowsTheSeedFormatWithALinkToTheTicket() {
        SmsBody body = templates.ticketCreated(created("Database Connection Issue"));

        assertThat(body.text()).isEqualTo("""
                New Support Ticket Created (#1234)
                Title: Database Connection Issue
                Severity: Critical
                Category: Technical
                Created by: John Doe
                Reply ACK 1234 or RESOLVE 1234

                View ticket: %s""".formatted(LINK));
        assertThat(body.encoding()).isEqualTo(SmsBody.Encoding.GSM_7);
        assertThat(body.segments()).isEqualTo(2);
    }

    @Test
    void statusChangedFollowsTheSeedFormatWithOldArrowNew() {
        SmsBody body = templates.ticketStatusChanged(statusChanged("Database Connection Issue"));

        assertThat(body.text()).isEqualTo("""
                Ticket Status Updated (#1234)
                Ticket: Database Connection Issue
                Status: In Progress -> Resolved
                Severity: High
                Reply CLOSE 1234, or START 1234 to reopen

                View ticket: %s""".formatted(LINK));
        assertThat(body.encoding()).isEqualTo(SmsBody.Encoding.GSM_7);
        assertThat(body.segments()).isEqualTo(2);
    }

    @Test
    void aClosedTicketGetsNoReplyHintAndAnInProgressOneIsOfferedResolveAndClose() {
        assertThat(templates.ticketStatusChanged(statusChanged(TicketStatus.RESOLVED, TicketStatus.CLOSED, 1234L)).text())
                .startsWith("Ticket Status Updated (#1234)\n").doesNotContain("Reply")
                .contains("Severity: High\n\nView ticket: ");
        assertThat(templates.ticketStatusChanged(statusChanged(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, 1234L)).text())
                .contains("\nReply RESOLVE 1234 or CLOSE 1234\n\nView ticket: ");
    }

    /** Events written before tickets had numbers: the seed's wording, without "(#)" or a hint naming no ticket. */
    @Test
    void anEventWithoutANumberKeepsTheSeedsWordingWithoutNumberOrHint() {
        SmsBody body = templates.ticketStatusChanged(statusChanged(TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, null));

        assertThat(body.text()).isEqualTo("""
                Ticket Status Updated
                Ticket: Database Connection Issue
                Status: In Progress -> Resolved
                Severity: High

                View ticket: %s""".formatted(LINK));
    }

    @Test
    void theHintGoesBeforeTheTitleIsCutToNothing() {
        // one segment leaves room for neither a title nor the hint: the hint goes, the body is the shortest it can be
        SmsBody body = templates(1).ticketCreated(created("Anything"));

        assertThat(body.text()).doesNotContain("Reply").contains("(#1234)").endsWith(LINK);
    }

    @Test
    void aReminderSaysHowLongTheTicketWaitedInWhichStatus() {
        var ticket = new MessageTemplates.TicketFacts(TICKET, 1234L, "Database Connection Issue", Severity.HIGH,
                "Technical", TicketStatus.IN_PROGRESS);

        SmsBody body = templates.ticketReminder(ticket, java.time.Duration.ofMinutes(125));

        assertThat(body.text()).isEqualTo("""
                Reminder (#1234): ticket In Progress for 2 h 5 min without a change
                Ticket: Database Connection Issue
                Severity: High
                Reply RESOLVE 1234 or CLOSE 1234

                View ticket: %s""".formatted(LINK));
        assertThat(body.segments()).isLessThanOrEqualTo(2);
    }

    @Test
    void anEscalationSaysHowLongTheCriticalTicketWaitedAndFitsItsSegmentsWithALongTitle() {
        // a ticket from before numbers: no number, no hint
        var ticket = new MessageTemplates.TicketFacts(TICKET, null, "VPN down for every office ".repeat(20),
                Severity.CRITICAL, "Network", TicketStatus.OPEN);

        SmsBody body = templates.ticketEscalation(ticket, java.time.Duration.ofMinutes(15));

        assertThat(body.text()).startsWith("Escalated to you: Critical ticket not picked up for 15 min\nTicket: VPN down")
                .contains("...\nCategory: Network").endsWith("View ticket: " + LINK);
        assertThat(body.segments()).isEqualTo(2);
    }

    @Test
    void durationsReadAtAGlance() {
        assertThat(MessageTemplates.duration(java.time.Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(MessageTemplates.duration(java.time.Duration.ofMinutes(59))).isEqualTo("59 min");
        assertThat(MessageTemplates.duration(java.time.Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(MessageTemplates.duration(java.time.Duration.ofHours(49))).isEqualTo("2 days");
    }

    @Test
    void theSeedsUnicodeArrowWouldMakeTheMessageUcs2AndLeaveNoRoomForTheTitle() {
        var arrow = new MessageTemplates(new MessageTemplates.TemplateProperties(
                "https://support.example.com/tickets/{ticketId}", 2, CREATED, STATUS_CHANGED.replace("->", "→"),
                REMINDER, ESCALATION));

        SmsBody body = arrow.ticketStatusChanged(statusChanged("Database Connection Issue"));

        assertThat(body.encoding()).isEqualTo(SmsBody.Encoding.UCS_2);
        assertThat(body.text()).contains("Ticket: ...\n").endsWith(LINK);
    }

    @Test
    void aLongTitleIsShortenedToFitTheSegmentLimitAndTheLinkStaysWhole() {
        String title = "Checkout fails for every customer paying with a saved card after the 2.14 release ".repeat(5);

        SmsBody body = templates.ticketCreated(created(title));

        assertThat(body.segments()).isEqualTo(2);
        assertThat(body.text()).contains("Title: Checkout fails for every customer").contains("...\n")
                .endsWith("View ticket: " + LINK);
        // as much of the title as fits: one more character would need a third segment
        assertThat(body.text().length()).isGreaterThan(2 * 153 - 5);
    }

    @Test
    void anEmojiThatWouldNeedThreeUcs2SegmentsIsShortenedAwayAndTheBodyStaysGsm7() {
        SmsBody body = templates.ticketCreated(created("Printer on fire again, third floor 🔥"));

        assertThat(body.segments()).isEqualTo(2);
        assertThat(body.encoding()).isEqualTo(SmsBody.Encoding.GSM_7);
        assertThat(body.text()).contains("Title: Printer on fire again").endsWith(LINK);
    }

    @Test
    void aTemplateThatCannotFitEvenWithoutTitleIsSentWholeRatherThanCuttingTheLink() {
        SmsBody body = templates(1).ticketStatusChanged(statusChanged("Anything"));

        assertThat(body.text()).endsWith(LINK).contains("Ticket: ...\n");
        assertThat(body.segments()).isEqualTo(2);
    }

    @Property(tries = 300)
    void whateverTheTitleTheBodyKeepsTheLinkAndTheSegmentLimit(@ForAll @StringLength(max = 400) String title) {
        SmsBody body = templates.ticketCreated(created(title));

        assertThat(body.text()).endsWith("View ticket: " + LINK);
        assertThat(body.segments()).isLessThanOrEqualTo(2);
        assertThat(body).isEqualTo(SmsBody.of(body.text()));
    }
}
