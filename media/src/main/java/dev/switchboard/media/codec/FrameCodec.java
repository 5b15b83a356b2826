package dev.switchboard.media.codec;

import dev.switchboard.media.Codec;

/** Encodes and decodes whole frames of a negotiated {@link Codec}. */
public final class FrameCodec {
    private FrameCodec() {
    }

    public static byte[] encode(Codec codec, short[] samples, int length) {
        byte[] out = new byte[length];
        if (codec == Codec.PCMU) {
            for (int i = 0; i < length; i++) {
                out[i] = G711.linearToMu(samples[i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = G711.linearToA(samples[i]);
            }
        }
        return out;
    }

    /** Decodes {@code length} bytes from {@code offset} into {@code samples}. */
    public static void decode(Codec codec, byte[] payload, int offset, int length, short[] samples) {
        if (codec == Codec.PCMU) {
            for (int i = 0; i < length; i++) {
                samples[i] = G711.muToLinear(payload[offset + i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                samples[i] = G711.aToLinear(payload[offset + i]);
            }
        }
    }

    /** Converts encoded bytes in place from one G.711 law to the other. */
    public static void transcode(Codec from, Codec to, byte[] payload, int offset, int length) {
        if (from == to) {
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            payload[i] = from == Codec.PCMU ? G711.muToA(payload[i]) : G711.aToMu(payload[i]);
        }
    }
}
