package dev.ticketsms.profile.recipients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ticketsms.events.Severity;
import dev.ticketsms.profile.profiles.NotificationChannel;
import dev.ticketsms.profile.profiles.NotificationPreferences;
import dev.ticketsms.profile.profiles.PhoneNumber;
import dev.ticketsms.profile.profiles.QuietHours;
import dev.ticketsms.profile.profiles.TicketEventType;
import dev.ticketsms.profile.profiles.TicketNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read model over teams and profiles: one query finds the members who can be texted at all (opted in, with a
 * number they proved is theirs and Twilio has not refused; an unverified number gets nothing but its code), and, when
 * the caller also sends email, those with an email address; then each member's preferences decide about this
 * notification at this moment, and by which channel: the one they chose for its severity, SMS when they chose email
 * without an address, email when they chose SMS but Twilio refused their number.
 * One member's settings that cannot be read never fail the lookup for the others: that member is left out, logged
 * (number masked) and counted in {@code profile_recipients_skipped_total{reason}}.
 */
@Component
class SmsRecipientDirectory {

    private static final Logger log = LoggerFactory.getLogger(SmsRecipientDirectory.class);

    private final JdbcClient jdbc;

    private final Clock clock;

    private final MeterRegistry meters;

    SmsRecipientDirectory(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Empty when the team does not exist; an empty list when nobody in it gets this notification now (or, with
     * {@code includeQuiet}, once their quiet hours end).
     */
    @Transactional(readOnly = true)
    Optional<List<DeferrableSmsRecipient>> recipientsOf(UUID teamId, TicketNotification notification, boolean includeQuiet,
                                                        boolean includeEmail) {
        boolean teamExists = jdbc.sql("select exists (select 1 from teams where id = :teamId)")
                .param("teamId", teamId)
                .query(Boolean.class)
                .single();
        if (!teamExists) {
            return Optional.empty();
        }
        return Optional.of(reachable("m.team_id = :teamId", "teamId", teamId, notification, includeQuiet, includeEmail));
    }

    /**
     * The chosen users who can be texted now (an admin's message): opted in, with a verified, usable number, outside their
     * quiet hours unless {@code includeQuiet}. Unknown users and users without a profile are simply not in the answer.
     */
    @Transactional(readOnly = true)
    List<DeferrableSmsRecipient> recipientsAmong(List<String> userIds, boolean includeQuiet) {
        return reachable("p.user_id = any(:userIds)", "userIds", userIds.toArray(String[]::new), TicketNotification.ANY,
                includeQuiet, false);
    }

    private List<DeferrableSmsRecipient> reachable(String who, String name, Object value, TicketNotification notification,
                                                   boolean includeQuiet, boolean includeEmail) {
        Instant now = clock.instant();
        List<StoredMember> members = jdbc.sql("""
                        select distinct p.user_id, p.phone_number, p.display_name,
                               p.minimum_severity, p.muted_categories, p.notify_ticket_created, p.notify_status_changed,
                               p.quiet_hours_start, p.quiet_hours_end, p.quiet_hours_time_zone,
                               p.email, p.email_severities, p.phone_unusable_since is not null as phone_unusable,
                               (p.sms_notifications_enabled and p.phone_number is not null
                                and p.phone_unusable_since is null and p.phone_verified_at is not null) as textable
                        from user_profiles p
                        left join team_members m on m.user_id = p.user_id
                        where %s
                          and ((p.sms_notifications_enabled
                                and p.phone_number is not null
                                and p.phone_unusable_since is null
                                and p.phone_verified_at is not null)
                               or (:includeEmail and p.email is not null))
                        order by p.user_id
                        """.formatted(who))
                .param(name, value)
                .param("includeEmail", includeEmail)
                .query(SmsRecipientDirectory::stored)
                .list();
        var recipients = new ArrayList<DeferrableSmsRecipient>();
        for (StoredMember member : members) {
            try {
                member.recipientOf(notification, now, includeEmail)
                        .filter(recipient -> includeQuiet || !recipient.inQuietHours())
                        .ifPresent(recipients::add);
            } catch (UnreadableSetting e) {
                skip(member, e.reason, e.getMessage(), null);
            } catch (RuntimeException e) {
                skip(member, "other", e.toString(), e);
            }
        }
        return recipients;
    }

    private void skip(StoredMember member, String reason, String why, Exception cause) {
        Counter.builder("profile.recipients.skipped")
                .description("Members left out of a recipient lookup because their stored settings could not be read")
                .tag("reason", reason)
                .register(meters)
                .increment();
        log.warn("Recipient lookup skipped user {} ({}): {} cannot be read ({})", member.userId(),
                PhoneNumber.mask(member.phoneNumber()), reason, why, cause);
    }

    /** Only plain column reads here: a value that cannot be used must fail this member, not the query. */
    private static StoredMember stored(ResultSet row, int rowNumber) throws SQLException {
        var muted = row.getArray("muted_categories");
        var byEmail = row.getArray("email_severities");
        return new StoredMember(row.getString("user_id"), row.getString("phone_number"), row.getString("display_name"),
                row.getString("minimum_severity"), muted == null ? null : muted.getArray(),
                row.getBoolean("notify_ticket_created"), row.getBoolean("notify_status_changed"),
                row.getString("quiet_hours_start"), row.getString("quiet_hours_end"), row.getString("quiet_hours_time_zone"),
                row.getString("email"), byEmail == null ? null : byEmail.getArray(), row.getBoolean("textable"),
                row.getBoolean("phone_unusable"));
    }

    /** A member's row as stored, read into the domain on demand; each part that cannot be read names itself. */
    private record StoredMember(String userId, String phoneNumber, String displayName, String minimumSeverity,
                                Object mutedCategories, boolean notifyTicketCreated, boolean notifyStatusChanged,
                                String quietHoursStart, String quietHoursEnd, String quietHoursTimeZone,
                                String email, Object emailSeverities, boolean textable, boolean phoneUnusable) {

        /**
         * This member as a recipient of the notification at {@code now}, with when their quiet hours end if they
         * hold it back; empty if their other preferences do not want it at all, or if it cannot reach them by any
         * channel the caller sends ({@code includeEmail}: email too, with the channel named).
         */
        Optional<DeferrableSmsRecipient> recipientOf(TicketNotification notification, Instant now, boolean includeEmail) {
            NotificationPreferences preferences = preferences();
            if (!preferences.wants(notification)) {
                return Optional.empty();
            }
            Optional<SmsRecipient> recipient = includeEmail ? byChannel(preferences.channelFor(notification.severity()))
                    : Optional.of(bySms());
            return recipient.map(chosen -> new DeferrableSmsRecipient(chosen,
                    preferences.heldBackUntil(notification, now).orElse(null)));
        }

        /** The channel chosen for the severity if it can be used, else SMS, else email for a number Twilio refused. */
        private Optional<SmsRecipient> byChannel(NotificationChannel chosen) {
            if (chosen == NotificationChannel.EMAIL && email != null) {
                return Optional.of(byEmail());
            }
            if (textable) {
                SmsRecipient sms = bySms();
                // with the address, if any: notification-service sends by email what it may not text (a team's budget)
                return Optional.of(new SmsRecipient(sms.userId(), sms.phoneNumber(), sms.displayName(), NotificationChannel.SMS, email));
            }
            return email != null && phoneUnusable ? Optional.of(byEmail()) : Optional.empty();
        }

        private SmsRecipient byEmail() {
            return new SmsRecipient(userId, textable ? bySms().phoneNumber() : null, displayName, NotificationChannel.EMAIL, email);
        }

        private SmsRecipient bySms() {
            try {
                return new SmsRecipient(userId, new PhoneNumber(phoneNumber).value(), displayName);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new UnreadableSetting("phone_number", "not a valid E.164 number");
            }
        }

        private NotificationPreferences preferences() {
            Set<TicketEventType> eventTypes = EnumSet.noneOf(TicketEventType.class);
            if (notifyTicketCreated) {
                eventTypes.add(TicketEventType.TICKET_CREATED);
            }
            if (notifyStatusChanged) {
                eventTypes.add(TicketEventType.TICKET_STATUS_CHANGED);
            }
            return new NotificationPreferences(severity(), muted(), eventTypes, quietHours(), severitiesByEmail());
        }

        private Set<Severity> severitiesByEmail() {
            if (!(emailSeverities instanceof String[] names)) {
                return Set.of();
            }
            return Arrays.stream(names).filter(Objects::nonNull)
                    .flatMap(stored -> Arrays.stream(Severity.values()).filter(severity -> severity.name().equals(stored)))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        private Severity severity() {
            try {
                return Severity.valueOf(minimumSeverity);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new UnreadableSetting("severity", "unknown minimum severity " + minimumSeverity);
            }
        }

        private Set<String> muted() {
            if (!(mutedCategories instanceof String[] categories) || Arrays.stream(categories).anyMatch(Objects::isNull)) {
                // what such a member muted is unknown: texting them could break their choice
                throw new UnreadableSetting("muted_categories", "not a list of category names");
            }
            return Set.copyOf(Arrays.asList(categories));
        }

        private QuietHours quietHours() {
            if (quietHoursStart == null && quietHoursEnd == null && quietHoursTimeZone == null) {
                return null;
            }
            if (quietHoursTimeZone == null || !QuietHours.isKnownTimeZone(quietHoursTimeZone)) {
                throw new UnreadableSetting("time_zone", "unknown time zone id " + quietHoursTimeZone);
            }
            try {
                return new QuietHours(LocalTime.parse(quietHoursStart), LocalTime.parse(quietHoursEnd),
                        ZoneId.of(quietHoursTimeZone));
            } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
                throw new UnreadableSetting("quiet_hours", "window " + quietHoursStart + "–" + quietHoursEnd + " is not usable");
            }
        }
    }

    private static final class UnreadableSetting extends RuntimeException {

        private final String reason;

        UnreadableSetting(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
