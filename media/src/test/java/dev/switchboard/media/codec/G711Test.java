package dev.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * G.711 against a reference written independently from the standard's tables (ITU-T G.711 Tables 1a/2a: segment
 * end points, step sizes and decoder outputs), for every 16-bit input and every code.
 */
class G711Test {

    /** µ-law, Table 2a: 8 segments; in segment s the step is 2^(s+1) in 14-bit units, biased by 33. */
    private static int referenceMuEncode(int sample16) {
        int x = sample16 >> 2;
        boolean negative = x < 0;
        int magnitude = negative ? -x : x;
        magnitude = Math.min(magnitude, 8159);
        int biased = Math.min(magnitude + 33, 8191);
        int segment = 31 - Integer.numberOfLeadingZeros(biased) - 5;
        int step = (biased >> (segment + 1)) - 16;
        int code = (segment << 4) | step;
        return (negative ? code | 0x80 : code) ^ 0xFF;
    }

    /** µ-law decoder output: ((2 step + 33) << segment) - 33 in 14-bit units, times 4 for 16 bits. */
    private static int referenceMuDecode(int code) {
        int inverted = ~code & 0xFF;
        int segment = (inverted >> 4) & 7;
        int step = inverted & 0x0F;
        int magnitude = (((2 * step + 33) << segment) - 33) * 4;
        return (inverted & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** A-law, Table 1a: segment 0 and 1 share a step of 2 (13-bit units), then it doubles; even bits inverted. */
    private static int referenceAEncode(int sample16) {
        int x = sample16 >> 3;
        boolean negative = x < 0;
        int magnitude = negative ? -x - 1 : x;
        magnitude = Math.min(magnitude, 4095);
        int segment = magnitude < 32 ? 0 : 31 - Integer.numberOfLeadingZeros(magnitude) - 4;
        int step = segment == 0 ? magnitude >> 1 : (magnitude >> segment) & 0x0F;
        int code = (segment << 4) | step;
        return (negative ? code : code | 0x80) ^ 0x55;
    }

    /** A-law decoder output: the middle of the decision interval, times 8 for 16 bits. */
    private static int referenceADecode(int code) {
        int value = code ^ 0x55;
        int segment = (value >> 4) & 7;
        int step = value & 0x0F;
        int magnitude = segment == 0 ? (2 * step + 1) : ((2 * step + 33) << (segment - 1));
        magnitude *= 8;
        return (value & 0x80) != 0 ? magnitude : -magnitude;
    }

    @Test
    void knownPairsFromG191() {
        assertThat(G711.linearToMu((short) 0) & 0xFF).isEqualTo(0xFF);
        assertThat(G711.linearToA((short) 0) & 0xFF).isEqualTo(0xD5);
        assertThat(G711.linearToMu((short) 32767) & 0xFF).isEqualTo(0x80);
        assertThat(G711.linearToMu((short) -32768) & 0xFF).isEqualTo(0x00);
        assertThat(G711.linearToA((short) 32767) & 0xFF).isEqualTo(0xAA);
        assertThat(G711.linearToA((short) -32768) & 0xFF).isEqualTo(0x2A);
        assertThat(G711.muToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.aToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.muToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.aToLinear((byte) 0xD5)).isEqualTo((short) 8);
    }

    @Test
    void everyLinearInputEncodesAsTheReference() {
        for (int s = -32768; s <= 32767; s++) {
            assertThat(G711.linearToMu((short) s) & 0xFF).as("µ-law of %d", s).isEqualTo(referenceMuEncode(s));
            assertThat(G711.linearToA((short) s) & 0xFF).as("A-law of %d", s).isEqualTo(referenceAEncode(s));
        }
    }

    @Test
    void everyCodeDecodesAsTheReference() {
        for (int code = 0; code < 256; code++) {
            assertThat((int) G711.muToLinear((byte) code)).as("µ-law code %02X", code)
                    .isEqualTo(referenceMuDecode(code));
            assertThat((int) G711.aToLinear((byte) code)).as("A-law code %02X", code)
                    .isEqualTo(referenceADecode(code));
        }
    }

    @Test
    void decodedValuesEncodeBackToTheirCode() {
        for (int code = 0; code < 256; code++) {
            if (code == 0x7F) {
                continue; // µ-law has two zeros (0x7F and 0xFF); zero encodes as the positive one
            }
            assertThat(G711.linearToMu(G711.muToLinear((byte) code)) & 0xFF).isEqualTo(code);
            assertThat(G711.linearToA(G711.aToLinear((byte) code)) & 0xFF).isEqualTo(code);
        }
    }

    @Test
    void transcodingKeepsTheSignalWithinOneStep() {
        for (int code = 0; code < 256; code++) {
            int viaA = G711.aToLinear(G711.muToA((byte) code));
            int direct = G711.muToLinear((byte) code);
            assertThat(Math.abs(viaA - direct)).isLessThanOrEqualTo(Math.max(16, Math.abs(direct) / 16));
        }
    }
}
