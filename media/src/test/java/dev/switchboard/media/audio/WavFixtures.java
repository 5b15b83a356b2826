package dev.switchboard.media.audio;

import dev.switchboard.media.codec.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes WAV files by hand in every encoding the decoder claims, from float samples in -1..1. */
final class WavFixtures {
    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int A_LAW = 6;
    static final int MU_LAW = 7;

    private WavFixtures() {
    }

    /** A sine in every channel (the second channel at half level, to prove channels are mixed, not dropped). */
    static byte[] sineWav(int format, int bits, int channels, int rate, double frequency, double seconds,
                          boolean extensible) {
        int frames = (int) (rate * seconds);
        float[][] data = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                data[c][i] = (float) ((c == 0 ? 0.5 : 0.25) * Math.sin(2 * Math.PI * frequency * i / rate));
            }
        }
        return wav(format, bits, rate, data, extensible);
    }

    static byte[] wav(int format, int bits, int rate, float[][] data, boolean extensible) {
        int channels = data.length;
        int frames = data[0].length;
        int bytesPerSample = bits / 8;
        int dataBytes = frames * channels * bytesPerSample;
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + dataBytes + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtSize);
        b.putShort((short) (extensible ? 0xFFFE : format)).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                .putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(0);
            b.putShort((short) format).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                    (byte) 0x9B, 0x71});
        }
        // an unknown chunk before the data, as some editors write, must be skipped
        b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                write(b, format, bits, data[c][i]);
            }
        }
        b.putInt(4, b.position() - 8);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static void write(ByteBuffer b, int format, int bits, float v) {
        switch (format) {
            case PCM -> {
                switch (bits) {
                    case 8 -> b.put((byte) (Math.round(v * 127) + 128));
                    case 16 -> b.putShort((short) Math.round(v * 32767));
                    case 24 -> {
                        int x = Math.round(v * 8388607);
                        b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
                    }
                    case 32 -> b.putInt((int) Math.round(v * 2147483647.0));
                    default -> throw new IllegalArgumentException("bits " + bits);
                }
            }
            case FLOAT -> {
                if (bits == 32) {
                    b.putFloat(v);
                } else {
                    b.putDouble(v);
                }
            }
            case MU_LAW -> b.put(G711.linearToMu((short) Math.round(v * 32767)));
            case A_LAW -> b.put(G711.linearToA((short) Math.round(v * 32767)));
            default -> throw new IllegalArgumentException("format " + format);
        }
    }
}
