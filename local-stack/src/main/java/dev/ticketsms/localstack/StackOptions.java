package dev.ticketsms.localstack;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code ./run-local.sh} was asked for.
 *
 * @param demoData   create the demo team and its members through the services' APIs
 * @param smsTarget  where notification-service sends SMS
 */
record StackOptions(boolean demoData, SmsTarget smsTarget) {

    static final String USAGE = """
            Usage: ./run-local.sh [--no-demo-data] [--sandbox | --real-twilio]
              --no-demo-data  do not create the demo team (alice opted in, bob opted out, carol without a phone, dana)
              --sandbox       send SMS to the sms-sandbox even if TWILIO_ACCOUNT_SID is set (the default without it)
              --real-twilio   send SMS through Twilio with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER
                              (or TWILIO_MESSAGING_SERVICE_SID) from the environment; TWILIO_API_BASE_URL, if set,
                              names another Twilio-compatible API. The default when TWILIO_ACCOUNT_SID is set.
            """;

    enum SmsTarget {
        /** The sms-sandbox on 8090 with its own credentials; TWILIO_* variables are not passed on. */
        SANDBOX,
        /** Twilio (or TWILIO_API_BASE_URL), configured entirely by the TWILIO_* variables. */
        TWILIO_FROM_ENVIRONMENT
    }

    /** @throws IllegalArgumentException with a message for the user when the flags or Twilio variables do not fit */
    static StackOptions parse(List<String> args, Map<String, String> environment) {
        boolean demoData = true;
        boolean sandbox = false;
        boolean realTwilio = false;
        for (String arg : args) {
            switch (arg) {
                case "--no-demo-data" -> demoData = false;
                case "--sandbox" -> sandbox = true;
                case "--real-twilio" -> realTwilio = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (sandbox && realTwilio) {
            throw new IllegalArgumentException("--sandbox and --real-twilio exclude each other\n" + USAGE);
        }
        if (sandbox || !(realTwilio || isSet(environment, "TWILIO_ACCOUNT_SID"))) {
            return new StackOptions(demoData, SmsTarget.SANDBOX);
        }
        List<String> missing = Stream.of("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN")
                .filter(name -> !isSet(environment, name))
                .toList();
        if (!missing.isEmpty() || !(isSet(environment, "TWILIO_PHONE_NUMBER") || isSet(environment, "TWILIO_MESSAGING_SERVICE_SID"))) {
            throw new IllegalArgumentException("""
                    Sending through Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_PHONE_NUMBER \
                    (or TWILIO_MESSAGING_SERVICE_SID) in the environment; %s. Use --sandbox to send to the sms-sandbox.""".formatted(
                    missing.isEmpty() ? "neither TWILIO_PHONE_NUMBER nor TWILIO_MESSAGING_SERVICE_SID is set"
                            : String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are") + " missing"));
        }
        return new StackOptions(demoData, SmsTarget.TWILIO_FROM_ENVIRONMENT);
    }

    private static boolean isSet(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }
}
