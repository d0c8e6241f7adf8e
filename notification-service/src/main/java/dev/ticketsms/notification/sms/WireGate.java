package dev.ticketsms.notification.sms;

/**
 * What must hold before a request goes on the wire, checked by {@link SmsSender} at every attempt, so that a message
 * counts as "being sent" only while its request is out: {@link #ready} before the attempt waits for its rate permit
 * (the checks that may take a few queries), {@link #enter} right after it, as little work as possible, so the
 * requests leave at the pace the permits are granted.
 */
public interface WireGate {

    /** @return whether the attempt may wait for its permit; false sends nothing and ends the attempt */
    boolean ready();

    /**
     * @param route the route the request goes out on: where its outcome is to be asked for if it stays unknown
     * @return whether the request may go out now; false sends nothing and ends the attempt
     */
    boolean enter(SmsRoute route);

    /**
     * The request certainly did not reach Twilio (429, 503, no connection): it may be sent again later, on this route
     * or the failover route.
     */
    void handBack();
}
