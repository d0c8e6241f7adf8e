package dev.ticketsms.sandbox.messages;

import java.util.function.IntUnaryOperator;

/**
 * How many SMS segments a body is billed as. A body made only of GSM 03.38 characters is sent as GSM-7
 * (160 septets in one SMS, 153 per segment when split); any other character switches the whole body to
 * UCS-2 (70 UTF-16 units, 67 per segment). A character is never split across two segments.
 */
final class SmsSegments {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Sent as an escape plus the character, so each takes two septets. */
    private static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    static int count(String body) {
        if (body.codePoints().allMatch(SmsSegments::isGsm7)) {
            return count(body, 160, 153, SmsSegments::septets);
        }
        return count(body, 70, 67, Character::charCount);
    }

    private static int count(String body, int singleCapacity, int partCapacity, IntUnaryOperator unitsOf) {
        if (body.codePoints().map(unitsOf).sum() <= singleCapacity) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int codePoint : body.codePoints().toArray()) {
            int units = unitsOf.applyAsInt(codePoint);
            if (used + units > partCapacity) {
                segments++;
                used = 0;
            }
            used += units;
        }
        return segments;
    }

    private static boolean isGsm7(int codePoint) {
        return GSM7_BASIC.indexOf(codePoint) >= 0 || GSM7_EXTENSION.indexOf(codePoint) >= 0;
    }

    private static int septets(int codePoint) {
        return GSM7_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1;
    }
}
