package dev.ticketsms.sandbox.messages;

/** Published when the sandbox takes on an outbound message it will now "deliver". */
public record MessageAccepted(SandboxMessage message) {
}
