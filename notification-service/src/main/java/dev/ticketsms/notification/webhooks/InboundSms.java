package dev.ticketsms.notification.webhooks;

/**
 * An SMS a recipient sent to our number, from a verified inbound webhook.
 *
 * @param messageSid Twilio's id of it
 * @param from       the sender, E.164
 * @param body       what they wrote (never logged)
 */
record InboundSms(String messageSid, String from, String body) {
}
