package dev.ticketsms.notification.recipients;

/**
 * How a ticket reaches someone: a member by SMS or by email (as they chose for its severity in profile-service), a
 * team's Slack channel through its incoming webhook.
 */
public enum Channel {
    SMS,
    EMAIL,
    SLACK
}
