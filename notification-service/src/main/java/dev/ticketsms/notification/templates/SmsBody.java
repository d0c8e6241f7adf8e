package dev.ticketsms.notification.templates;

/**
 * A message body and what Twilio will bill for it. Bodies made only of GSM 03.38 characters travel as GSM-7
 * (160 septets alone, 153 per segment when split; the extension characters such as {@code €} or {@code [} take two);
 * one other character, an emoji or an arrow, turns the whole body into UCS-2 (70 UTF-16 units alone, 67 per segment).
 * Twilio never splits a character across segments.
 * <p>
 * The sms-sandbox counts segments with its own code on purpose: it stands in for Twilio, so it must not share
 * the rule it is used to check.
 */
public record SmsBody(String text, Encoding encoding, int segments) {

    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        private final int singleCapacity;
        private final int segmentCapacity;

        Encoding(int singleCapacity, int segmentCapacity) {
            this.singleCapacity = singleCapacity;
            this.segmentCapacity = segmentCapacity;
        }
    }

    private static final String GSM_7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_7_EXTENSION = "\f^{}\\[~]|€";

    public static SmsBody of(String text) {
        boolean gsm7 = text.codePoints().allMatch(c -> GSM_7_BASIC.indexOf(c) >= 0 || GSM_7_EXTENSION.indexOf(c) >= 0);
        Encoding encoding = gsm7 ? Encoding.GSM_7 : Encoding.UCS_2;
        int[] units = text.codePoints().map(c -> gsm7 ? (GSM_7_EXTENSION.indexOf(c) >= 0 ? 2 : 1) : Character.charCount(c))
                .toArray();
        return new SmsBody(text, encoding, segments(units, encoding));
    }

    private static int segments(int[] units, Encoding encoding) {
        int total = 0;
        for (int unit : units) {
            total += unit;
        }
        if (total <= encoding.singleCapacity) {
            return 1;
        }
        int segments = 1;
        int filled = 0;
        for (int unit : units) {
            if (filled + unit > encoding.segmentCapacity) {
                segments++;
                filled = 0;
            }
            filled += unit;
        }
        return segments;
    }
}
