package dev.ticketsms.events;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
