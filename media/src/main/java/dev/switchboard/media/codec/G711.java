package dev.switchboard.media.codec;

/**
 * ITU-T G.711 µ-law and A-law, as the reference code of ITU-T G.191 does it: µ-law on the 14 most significant bits
 * of a 16-bit sample, A-law on the 13 most significant. Encoding and decoding are table look-ups built once.
 */
public final class G711 {
    private static final int[] MU_SEGMENT_END = {0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF};
    private static final int[] A_SEGMENT_END = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    private static final int MU_CLIP = 8159;
    private static final int MU_BIAS = 0x84;

    private static final byte[] LINEAR_TO_MU = new byte[65536];
    private static final byte[] LINEAR_TO_A = new byte[65536];
    private static final short[] MU_TO_LINEAR = new short[256];
    private static final short[] A_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 65536; i++) {
            short sample = (short) i;
            LINEAR_TO_MU[i] = (byte) computeMu(sample);
            LINEAR_TO_A[i] = (byte) computeA(sample);
        }
        for (int code = 0; code < 256; code++) {
            MU_TO_LINEAR[code] = (short) computeMuDecode(code);
            A_TO_LINEAR[code] = (short) computeADecode(code);
        }
    }

    private G711() {
    }

    public static byte linearToMu(short sample) {
        return LINEAR_TO_MU[sample & 0xFFFF];
    }

    public static byte linearToA(short sample) {
        return LINEAR_TO_A[sample & 0xFFFF];
    }

    public static short muToLinear(byte code) {
        return MU_TO_LINEAR[code & 0xFF];
    }

    public static short aToLinear(byte code) {
        return A_TO_LINEAR[code & 0xFF];
    }

    /** Re-encodes a µ-law byte as A-law (through linear, as G.191's ulaw2alaw does in effect). */
    public static byte muToA(byte code) {
        return linearToA(muToLinear(code));
    }

    public static byte aToMu(byte code) {
        return linearToMu(aToLinear(code));
    }

    private static int computeMu(short sample) {
        int value = sample >> 2;
        int mask;
        if (value < 0) {
            value = -value;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        if (value > MU_CLIP) {
            value = MU_CLIP;
        }
        value += MU_BIAS >> 2;
        int segment = segment(value, MU_SEGMENT_END);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        return ((segment << 4) | ((value >> (segment + 1)) & 0x0F)) ^ mask;
    }

    private static int computeA(short sample) {
        int value = sample >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = segment(value, A_SEGMENT_END);
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int code = segment << 4;
        code |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return code ^ mask;
    }

    private static int computeMuDecode(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = ((inverted & 0x0F) << 3) + MU_BIAS;
        magnitude <<= (inverted & 0x70) >> 4;
        return (inverted & 0x80) != 0 ? MU_BIAS - magnitude : magnitude - MU_BIAS;
    }

    private static int computeADecode(int code) {
        int value = code ^ 0x55;
        int magnitude = (value & 0x0F) << 4;
        int segment = (value & 0x70) >> 4;
        switch (segment) {
            case 0 -> magnitude += 8;
            case 1 -> magnitude += 0x108;
            default -> {
                magnitude += 0x108;
                magnitude <<= segment - 1;
            }
        }
        return (value & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static int segment(int value, int[] ends) {
        for (int i = 0; i < ends.length; i++) {
            if (value <= ends[i]) {
                return i;
            }
        }
        return ends.length;
    }
}
