package dev.switchboard.server.sipp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pcap file of RTP telephone-event packets (RFC 4733) pressing keys, for sipp's {@code play_pcap_audio}: per key,
 * packets every 20 ms with a growing duration, the first marked, then the three end packets RFC 4733 §2.5.1.4 asks
 * for, all with the event's timestamp; a pause between keys.
 */
public final class DtmfPcap {
    private static final int PAYLOAD_TYPE = 101;
    private static final int PACKETS_PER_KEY = 10;
    private static final int SAMPLES_PER_PACKET = 160;

    private DtmfPcap() {
    }

    public static Path write(Path file, String keys) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        long timeMicros = 0;
        int sequence = 1000;
        int timestamp = 8000;
        for (char key : keys.toCharArray()) {
            int event = "0123456789*#ABCD".indexOf(Character.toUpperCase(key));
            if (event < 0) {
                throw new IllegalArgumentException("not a DTMF key: " + key);
            }
            for (int i = 0; i < PACKETS_PER_KEY + 3; i++) {
                boolean end = i >= PACKETS_PER_KEY;
                int duration = SAMPLES_PER_PACKET * Math.min(i + 1, PACKETS_PER_KEY);
                packet(out, timeMicros, rtp(i == 0, sequence++, timestamp, event, end, duration));
                timeMicros += end ? 0 : 20_000;
            }
            timestamp += SAMPLES_PER_PACKET * (PACKETS_PER_KEY + 10);
            timeMicros += 200_000;
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return Files.write(file, bytes);
    }

    private static byte[] rtp(boolean marker, int sequence, int timestamp, int event, boolean end, int duration) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | PAYLOAD_TYPE)).putShort((short) sequence)
                .putInt(timestamp).putInt(0x5eed1234);
        b.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
        return b.array();
    }

    /** Ethernet, IPv4 and UDP around an RTP packet, as a pcap record. */
    private static void packet(ByteBuffer out, long micros, byte[] rtp) {
        int udpLength = 8 + rtp.length;
        int ipLength = 20 + udpLength;
        int frameLength = 14 + ipLength;
        out.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frameLength)
                .putInt(frameLength);
        ByteBuffer frame = ByteBuffer.allocate(frameLength).order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
        frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {127, 0, 0, 1})
                .put(new byte[] {127, 0, 0, 1});
        frame.putShort((short) 40000).putShort((short) 40002).putShort((short) udpLength).putShort((short) 0);
        frame.put(rtp);
        out.put(frame.array());
    }
}
