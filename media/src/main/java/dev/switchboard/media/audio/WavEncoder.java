package dev.switchboard.media.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes 8 kHz mono 16-bit PCM WAV, the one format we store and record. */
public final class WavEncoder {
    public static final int HEADER_BYTES = 44;

    private WavEncoder() {
    }

    public static byte[] encode(short[] samples, int length) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header(length));
        for (int i = 0; i < length; i++) {
            out.putShort(samples[i]);
        }
        return out.array();
    }

    public static byte[] encode(short[] samples) {
        return encode(samples, samples.length);
    }

    /** The 44-byte header of a file holding {@code sampleCount} samples. */
    public static byte[] header(int sampleCount) {
        int dataBytes = sampleCount * 2;
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return h.array();
    }
}
