package dev.switchboard.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Real WAV files for upload tests: 8 kHz, 16-bit, mono PCM, a sine tone behind a canonical 44-byte RIFF header. */
final class Wav {
    static final int RATE = 8000;

    private Wav() {
    }

    /** {@code millis} of a tone at {@code hertz}. */
    static byte[] tone(int millis, int hertz) {
        int samples = RATE * millis / 1000;
        int dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        b.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1)            // PCM
                .putShort((short) 1)            // mono
                .putInt(RATE)
                .putInt(RATE * 2)               // byte rate
                .putShort((short) 2)            // block align
                .putShort((short) 16);          // bits per sample
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / RATE)));
        }
        return b.array();
    }
}
