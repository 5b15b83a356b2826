package dev.switchboard.media.dtmf;

import java.util.Optional;

/**
 * The payload of an RFC 4733 telephone-event (§2.3): event code, end bit, volume, duration in timestamp units.
 *
 * @param event    0-15 for the keys (0-9, * = 10, # = 11, A-D = 12-15), 16 for flash
 * @param end      the E bit: the event has ended
 * @param volume   the power level in -dBm0, 0-63
 * @param duration in RTP timestamp units (1/8000 s) since the event began
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {
    public static final int PAYLOAD_BYTES = 4;
    private static final String KEYS = "0123456789*#ABCD";

    public static Optional<TelephoneEvent> parse(byte[] bytes, int offset, int length) {
        if (length < PAYLOAD_BYTES) {
            return Optional.empty();
        }
        int event = bytes[offset] & 0xFF;
        boolean end = (bytes[offset + 1] & 0x80) != 0;
        int volume = bytes[offset + 1] & 0x3F;
        int duration = ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
        return Optional.of(new TelephoneEvent(event, end, volume, duration));
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | (volume & 0x3F)), (byte) (duration >> 8),
                (byte) duration};
    }

    /** The key of an event code, or empty for flash and other non-key events. */
    public static Optional<Character> keyOf(int event) {
        return event >= 0 && event < KEYS.length() ? Optional.of(KEYS.charAt(event)) : Optional.empty();
    }

    /** The event code of a key (case-insensitive A-D), or -1. */
    public static int codeOf(char key) {
        return KEYS.indexOf(Character.toUpperCase(key));
    }
}
