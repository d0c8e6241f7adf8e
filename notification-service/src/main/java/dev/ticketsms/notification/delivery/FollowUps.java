package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.notification.recipients.Recipient;
import dev.ticketsms.notification.recipients.RecipientDirectory;
import dev.ticketsms.notification.recipients.RecipientsUnavailableException;
import dev.ticketsms.notification.templates.MessageTemplates;
import dev.ticketsms.notification.templates.MessageTemplates.TicketFacts;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets that must not be forgotten. From the ticket events it keeps, per ticket, when a reminder and when an
 * escalation step is due ({@code ticket_follow_ups}); a scheduled round sends what is due:
 * <ul>
 * <li>a <b>reminder</b> to the team (as a status change would text it) when an OPEN or IN_PROGRESS ticket had no
 * change for its severity's {@code after}; up to {@code max} of them, one {@code after} apart; any change starts the
 * wait again, RESOLVED or CLOSED ends it;</li>
 * <li>an <b>escalation</b> of a CRITICAL ticket still OPEN after {@code escalation.after}: to the first person of the
 * team's escalation list, as long again later to the next, then to the team's lead; whoever cannot be texted (opted
 * out, no usable number) is passed over at once; any status change (ACK) stops it.</li>
 * </ul>
 * A due row is taken by one replica (FOR UPDATE SKIP LOCKED) and, inside that transaction, its SMS are claimed in the
 * ledger under an id derived from the ticket and the step, and the row moves on; so a crash either leaves the step
 * due (done again, the same id claims nothing twice) or leaves PENDING rows that {@link PendingDeliveries} sends.
 * After the commit the SMS go through the ticket's sending lane, behind its earlier messages.
 */
@Component
class FollowUps {

    /**
     * @param pollInterval how often due steps are looked for
     * @param reminders    {@code after} per severity and the most reminders per quiet spell (0: none)
     * @param escalation   the wait before each escalation step of a CRITICAL ticket
     */
    @Validated
    @ConfigurationProperties("notifications.follow-ups")
    record Rules(@NotNull Duration pollInterval, @NotNull Reminders reminders, @NotNull Escalation escalation) {

        record Reminders(@NotNull Map<Severity, Duration> after, @Min(0) int max) {

            Optional<Duration> after(Severity severity) {
                return max == 0 ? Optional.empty() : Optional.ofNullable(after.get(severity));
            }
        }

        record Escalation(@NotNull Duration after) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    private static final int STEPS_PER_ROUND = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RecipientDirectory recipients;
    private final MessageTemplates templates;
    private final DeliveryLedger ledger;
    private final SendingLanes delivery;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Rules rules;

    FollowUps(JdbcClient jdbc, TransactionTemplate transactions, RecipientDirectory recipients,
              MessageTemplates templates, DeliveryLedger ledger, SendingLanes delivery, DeliveryMetrics metrics,
              Clock clock, Rules rules) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.recipients = recipients;
        this.templates = templates;
        this.ledger = ledger;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
        this.rules = rules;
    }

    /** Keeps what the event says of the ticket, unless a newer event was kept already. */
    void track(TicketEvent event) {
        switch (event) {
            case TicketCreated created -> jdbc.sql("""
                            INSERT INTO ticket_follow_ups (ticket_id, team_id, ticket_version, status, severity, category,
                                                           title, ticket_number, changed_at, next_reminder_at,
                                                           reminders_sent, next_escalation_at, escalation_steps, updated_at)
                            VALUES (:ticketId, :teamId, :version, 'OPEN', :severity, :category, :title, :number,
                                    :changedAt, :nextReminder, 0, :nextEscalation, 0, :now)
                            ON CONFLICT (ticket_id) DO NOTHING""")
                    .param("ticketId", created.ticketId()).param("teamId", created.teamId())
                    .param("version", created.ticketVersion()).param("severity", created.severity().name())
                    .param("category", created.category(), Types.VARCHAR).param("title", created.title())
                    .param("number", created.ticketNumber(), Types.BIGINT)
                    .param("changedAt", Timestamp.from(created.occurredAt()))
                    .param("nextReminder", reminderAfter(created.severity(), created.occurredAt()), Types.TIMESTAMP)
                    .param("nextEscalation", created.severity() == Severity.CRITICAL
                            ? Timestamp.from(created.occurredAt().plus(rules.escalation().after())) : null, Types.TIMESTAMP)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            case TicketStatusChanged changed -> {
                boolean open = changed.toStatus() == TicketStatus.OPEN || changed.toStatus() == TicketStatus.IN_PROGRESS;
                jdbc.sql("""
                                INSERT INTO ticket_follow_ups (ticket_id, team_id, ticket_version, status, severity, category,
                                                               title, ticket_number, changed_at, next_reminder_at,
                                                               reminders_sent, next_escalation_at, escalation_steps, updated_at)
                                VALUES (:ticketId, :teamId, :version, :status, :severity, :category, :title, :number,
                                        :changedAt, :nextReminder, 0, NULL, 0, :now)
                                ON CONFLICT (ticket_id) DO UPDATE SET
                                    team_id = EXCLUDED.team_id, ticket_version = EXCLUDED.ticket_version,
                                    status = EXCLUDED.status, severity = EXCLUDED.severity, category = EXCLUDED.category,
                                    title = EXCLUDED.title,
                                    ticket_number = COALESCE(EXCLUDED.ticket_number, ticket_follow_ups.ticket_number),
                                    changed_at = EXCLUDED.changed_at,
                                    next_reminder_at = EXCLUDED.next_reminder_at, reminders_sent = 0,
                                    -- a ticket that left OPEN is acknowledged: its escalation stops
                                    next_escalation_at = CASE WHEN EXCLUDED.status = 'OPEN'
                                                              THEN ticket_follow_ups.next_escalation_at END,
                                    updated_at = EXCLUDED.updated_at
                                WHERE ticket_follow_ups.ticket_version < EXCLUDED.ticket_version""")
                        .param("ticketId", changed.ticketId()).param("teamId", changed.teamId())
                        .param("version", changed.ticketVersion()).param("status", changed.toStatus().name())
                        .param("severity", changed.severity().name())
                        .param("category", changed.category(), Types.VARCHAR).param("title", changed.title())
                        .param("number", changed.ticketNumber(), Types.BIGINT)
                        .param("changedAt", Timestamp.from(changed.occurredAt()))
                        .param("nextReminder", open ? reminderAfter(changed.severity(), changed.occurredAt()) : null,
                                Types.TIMESTAMP)
                        .param("now", Timestamp.from(clock.instant()))
                        .update();
            }
        }
    }

    private Timestamp reminderAfter(Severity severity, Instant changedAt) {
        return rules.reminders().after(severity).map(after -> Timestamp.from(changedAt.plus(after))).orElse(null);
    }

    @Scheduled(fixedDelayString = "${notifications.follow-ups.poll-interval}", initialDelayString = "${notifications.follow-ups.poll-interval}")
    void sendWhatIsDue() {
        for (int step = 0; step < STEPS_PER_ROUND; step++) {
            Optional<Step> due;
            try {
                due = transactions.execute(status -> takeDueReminder().or(this::takeDueEscalation));
            } catch (RecipientsUnavailableException e) {
                log.warn("Follow-ups wait for profile-service: {}", e.getMessage());
                return;
            }
            if (due == null || due.isEmpty()) {
                return;
            }
            send(due.get());
        }
    }

    /** What a taken step sends once its transaction committed. */
    private record Step(OutgoingSms sms, List<Recipient> recipients) {
    }

    private Optional<Step> takeDueReminder() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT * FROM ticket_follow_ups WHERE next_reminder_at <= ?
                        ORDER BY next_reminder_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now)).query(FollowUps::row).optional()
                .map(ticket -> {
                    Duration quietFor = Duration.between(ticket.changedAt(), now);
                    var sms = new OutgoingSms(stepId(ticket, "reminder", ticket.remindersSent()), DeliveryKind.TICKET_REMINDER,
                            ticket.ticketId(), ticket.teamId(), now, null,
                            templates.ticketReminder(ticket.facts(), quietFor), ticket.severity(), ticket.category(),
                            new OutgoingSms.TicketState(ticket.title(), ticket.status()));
                    List<Recipient> team = recipients.smsRecipients(ticket.teamId(), ticket.severity(), ticket.category(),
                            DeliveryKind.TICKET_REMINDER.preferenceEventType(), now);
                    ledger.claim(sms, team);
                    int sent = ticket.remindersSent() + 1;
                    Optional<Duration> after = rules.reminders().after(ticket.severity());
                    jdbc.sql("""
                                    UPDATE ticket_follow_ups SET reminders_sent = :sent, next_reminder_at = :next,
                                                                 updated_at = :now
                                    WHERE ticket_id = :ticketId""")
                            .param("sent", sent)
                            .param("next", after.isPresent() && sent < rules.reminders().max()
                                    ? Timestamp.from(now.plus(after.get())) : null, Types.TIMESTAMP)
                            .param("now", Timestamp.from(now))
                            .param("ticketId", ticket.ticketId())
                            .update();
                    metrics.followUp("reminder", team.isEmpty() ? "nobody" : "sent");
                    log.info("Reminder {} for ticket {} ({} for {}) to {} member(s)", sent, ticket.ticketId(),
                            ticket.status(), quietFor, team.size());
                    return new Step(sms, team);
                });
    }

    private Optional<Step> takeDueEscalation() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT * FROM ticket_follow_ups WHERE next_escalation_at <= ? AND status = 'OPEN'
                        ORDER BY next_escalation_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now)).query(FollowUps::row).optional()
                .map(ticket -> {
                    List<String> order = recipients.escalationOrder(ticket.teamId());
                    List<Recipient> reachable = order.isEmpty() ? List.of() : reachable(recipients.smsRecipientsAmong(order));
                    int step = ticket.escalationSteps();
                    Optional<Recipient> target = Optional.empty();
                    while (step < order.size() && target.isEmpty()) {
                        String userId = order.get(step++);
                        target = reachable.stream().filter(recipient -> recipient.userId().equals(userId)).findFirst();
                        if (target.isEmpty()) {
                            metrics.followUp("escalation", "passed_over");
                            log.info("Escalation of ticket {}: {} cannot be texted (opted out or no usable number); next",
                                    ticket.ticketId(), userId);
                        }
                    }
                    Duration openFor = Duration.between(ticket.changedAt(), now);
                    var sms = new OutgoingSms(stepId(ticket, "escalation", step), DeliveryKind.TICKET_ESCALATION,
                            ticket.ticketId(), ticket.teamId(), now, null, templates.ticketEscalation(ticket.facts(), openFor),
                            ticket.severity(), ticket.category(), new OutgoingSms.TicketState(ticket.title(), ticket.status()));
                    target.ifPresent(recipient -> ledger.claim(sms, recipient));
                    jdbc.sql("""
                                    UPDATE ticket_follow_ups SET escalation_steps = :steps, next_escalation_at = :next,
                                                                 updated_at = :now
                                    WHERE ticket_id = :ticketId""")
                            .param("steps", step)
                            .param("next", target.isPresent() && step < order.size()
                                    ? Timestamp.from(now.plus(rules.escalation().after())) : null, Types.TIMESTAMP)
                            .param("now", Timestamp.from(now))
                            .param("ticketId", ticket.ticketId())
                            .update();
                    if (target.isEmpty()) {
                        metrics.followUp("escalation", "exhausted");
                        log.warn("Escalation of critical ticket {} found nobody left to text after {} step(s)",
                                ticket.ticketId(), step);
                        return new Step(sms, List.of());
                    }
                    metrics.followUp("escalation", "sent");
                    log.info("Escalation step {} of critical ticket {} (open for {}) to {}", step, ticket.ticketId(),
                            openFor, target.get().userId());
                    return new Step(sms, List.of(target.get()));
                });
    }

    /**
     * Who of these can be texted now (opted in, a usable number), as escalation targets: someone on call is texted
     * through their quiet hours, as any CRITICAL ticket is.
     */
    static List<Recipient> reachable(List<Recipient> optedIn) {
        return optedIn.stream().map(r -> new Recipient(r.userId(), r.phoneNumber(), r.displayName())).toList();
    }

    private void send(Step step) {
        if (step.recipients().isEmpty()) {
            return;
        }
        try {
            delivery.deliver(step.sms(), step.recipients());
        } catch (RuntimeException e) {
            // the claimed rows stay PENDING: PendingDeliveries sends them
            log.warn("{} {} for ticket {} not fully sent yet: {}", step.sms().kind(), step.sms().eventId(),
                    step.sms().ticketId(), e.getMessage());
        }
    }

    /** The same step of the same ticket always has the same id, so the ledger claims its SMS once. */
    private static UUID stepId(Ticket ticket, String kind, int step) {
        return UUID.nameUUIDFromBytes((ticket.ticketId() + ":" + ticket.version() + ":" + kind + ":" + step)
                .getBytes(StandardCharsets.UTF_8));
    }

    private record Ticket(UUID ticketId, UUID teamId, long version, Long number, TicketStatus status,
                          Severity severity, String category, String title, Instant changedAt, int remindersSent,
                          int escalationSteps) {

        TicketFacts facts() {
            return new TicketFacts(ticketId, number, title, severity, category, status);
        }
    }

    private static Ticket row(ResultSet rs, int n) throws SQLException {
        return new Ticket(rs.getObject("ticket_id", UUID.class), rs.getObject("team_id", UUID.class),
                rs.getLong("ticket_version"), rs.getObject("ticket_number", Long.class), TicketStatus.valueOf(rs.getString("status")),
                Severity.valueOf(rs.getString("severity")), rs.getString("category"), rs.getString("title"),
                rs.getTimestamp("changed_at").toInstant(), rs.getInt("reminders_sent"), rs.getInt("escalation_steps"));
    }
}
