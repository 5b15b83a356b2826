package dev.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static short[] packet(int value) {
        short[] samples = new short[160];
        java.util.Arrays.fill(samples, (short) value);
        return samples;
    }

    private static int take(JitterBuffer buffer) {
        short[] frame = new short[160];
        return buffer.take(frame) ? frame[0] : Integer.MIN_VALUE;
    }

    @Test
    void waitsForItsDepthThenPlaysInOrder() {
        JitterBuffer buffer = new JitterBuffer(3);
        buffer.put(10, packet(10));
        assertThat(take(buffer)).isEqualTo(Integer.MIN_VALUE);
        buffer.put(12, packet(12));
        buffer.put(11, packet(11));
        assertThat(take(buffer)).isEqualTo(10);
        assertThat(take(buffer)).isEqualTo(11);
        assertThat(take(buffer)).isEqualTo(12);
        assertThat(take(buffer)).isEqualTo(Integer.MIN_VALUE);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void reordersPacketsThatCrossed() {
        JitterBuffer buffer = new JitterBuffer(2);
        int[] arrival = {1, 3, 2, 5, 4, 6, 8, 7};
        StringBuilder played = new StringBuilder();
        for (int seq : arrival) {
            buffer.put(seq, packet(seq));
        }
        int v;
        while ((v = take(buffer)) != Integer.MIN_VALUE) {
            played.append(v);
        }
        assertThat(played).hasToString("12345678");
    }

    @Test
    void concealsALostPacketOnceLaterOnesFillTheDepth() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.put(1, packet(1000));
        buffer.put(2, packet(2000));
        assertThat(take(buffer)).isEqualTo(1000);
        assertThat(take(buffer)).isEqualTo(2000);
        buffer.put(4, packet(4000));
        assertThat(take(buffer)).as("still waiting for 3").isEqualTo(Integer.MIN_VALUE);
        buffer.put(5, packet(5000));
        assertThat(take(buffer)).as("3 concealed by half of 2").isEqualTo(1000);
        assertThat(take(buffer)).isEqualTo(4000);
        assertThat(buffer.lost()).isEqualTo(1);
        buffer.put(3, packet(3000));
        assertThat(buffer.late()).isEqualTo(1);
        assertThat(take(buffer)).isEqualTo(5000);
    }

    @Test
    void sequenceNumbersWrapAround() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.put(65534, packet(1));
        buffer.put(65535, packet(2));
        buffer.put(0, packet(3));
        buffer.put(1, packet(4));
        assertThat(take(buffer)).isEqualTo(1);
        assertThat(take(buffer)).isEqualTo(2);
        assertThat(take(buffer)).isEqualTo(3);
        assertThat(take(buffer)).isEqualTo(4);
    }

    @Test
    void packetsWithoutAudioKeepTheSequenceWithoutConcealment() {
        JitterBuffer buffer = new JitterBuffer(1);
        buffer.put(1, packet(1));
        buffer.put(2, JitterBuffer.NO_AUDIO);
        buffer.put(3, JitterBuffer.NO_AUDIO);
        buffer.put(4, packet(4));
        assertThat(take(buffer)).isEqualTo(1);
        assertThat(take(buffer)).isEqualTo(4);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void packetsOfOtherLengthsAreCutIntoFrames() {
        JitterBuffer buffer = new JitterBuffer(1);
        short[] thirtyMs = new short[240];
        for (int i = 0; i < thirtyMs.length; i++) {
            thirtyMs[i] = (short) i;
        }
        buffer.put(1, thirtyMs);
        buffer.put(2, thirtyMs);
        short[] frame = new short[160];
        assertThat(buffer.take(frame)).isTrue();
        assertThat(frame[159]).isEqualTo((short) 159);
        assertThat(buffer.take(frame)).isTrue();
        assertThat(frame[0]).isEqualTo((short) 160);
        assertThat(frame[80]).isEqualTo((short) 0);
        assertThat(frame[159]).isEqualTo((short) 79);
    }

    @Test
    void aLongGapIsSkippedNotConcealed() {
        JitterBuffer buffer = new JitterBuffer(2);
        buffer.put(1, packet(1));
        buffer.put(2, packet(2));
        take(buffer);
        take(buffer);
        buffer.put(50, packet(50));
        buffer.put(51, packet(51));
        assertThat(take(buffer)).isEqualTo(50);
        assertThat(buffer.lost()).isEqualTo(47);
    }
}
