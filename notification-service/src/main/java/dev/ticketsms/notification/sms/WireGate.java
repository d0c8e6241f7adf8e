package dev.ticketsms.notification.sms;

/**
 * What must hold right before a request goes on the wire, checked by {@link SmsSender} after every wait (bulkhead
 * slot, rate permit, retry back-off), so that a message counts as "being sent" only while its request is out.
 */
public interface WireGate {

    /** @return whether the request may go out now; false sends nothing and ends the attempt */
    boolean enter();

    /** The request certainly did not reach Twilio (429, 503, no connection): it may be sent again later. */
    void handBack();
}
