package dev.switchboard.server.sipp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.switchboard.media.codec.G711;

/**
 * A caller's side of a call as a pcap file for sipp's {@code play_pcap_audio}: one RTP stream of 20 ms PCMU packets
 * (silence or a sine tone) and RFC 4733 telephone-events (per key, packets every 20 ms with a growing duration, the
 * first marked, then the three end packets RFC 4733 §2.5.1.4 asks for), with one sequence and clock throughout, as
 * a phone sends them.
 */
public final class RtpPcap {
    private static final int PCMU = 0;
    private static final int TELEPHONE_EVENT = 101;
    private static final int SAMPLES_PER_PACKET = 160;
    private static final int PACKETS_PER_KEY = 10;
    private static final int SSRC = 0x5eed1234;
    private static final double AMPLITUDE = 8000;

    private final ByteBuffer out = ByteBuffer.allocate(4 * 1024 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long timeMicros;
    private int sequence = 1000;
    private int timestamp = 8000;
    private boolean talkspurt = true;

    public RtpPcap() {
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
    }

    /** Digital silence. */
    public RtpPcap silence(Duration length) {
        return audio(length, 0);
    }

    /** A sine tone at {@code hz}, at about -12 dBFS. */
    public RtpPcap tone(double hz, Duration length) {
        return audio(length, hz);
    }

    private RtpPcap audio(Duration length, double hz) {
        long packets = length.toMillis() / 20;
        for (long p = 0; p < packets; p++) {
            byte[] payload = new byte[SAMPLES_PER_PACKET];
            for (int i = 0; i < SAMPLES_PER_PACKET; i++) {
                double t = (timestamp + i) / 8000.0;
                payload[i] = G711.linearToMu((short) Math.round(hz == 0 ? 0 : AMPLITUDE * Math.sin(2 * Math.PI * hz * t)));
            }
            packet(rtp(talkspurt, PCMU, payload));
            talkspurt = false;
            timestamp += SAMPLES_PER_PACKET;
            timeMicros += 20_000;
        }
        return this;
    }

    /** Keys pressed one after the other, 200 ms apart, each held 200 ms. */
    public RtpPcap keys(String keys) {
        for (char key : keys.toCharArray()) {
            int event = "0123456789*#ABCD".indexOf(Character.toUpperCase(key));
            if (event < 0) {
                throw new IllegalArgumentException("not a DTMF key: " + key);
            }
            for (int i = 0; i < PACKETS_PER_KEY + 3; i++) {
                boolean end = i >= PACKETS_PER_KEY;
                int duration = SAMPLES_PER_PACKET * Math.min(i + 1, PACKETS_PER_KEY);
                ByteBuffer e = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
                e.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration);
                packet(rtp(i == 0, TELEPHONE_EVENT, e.array()));
                timeMicros += end ? 0 : 20_000;
            }
            timestamp += SAMPLES_PER_PACKET * PACKETS_PER_KEY;
            talkspurt = true;
            silence(Duration.ofMillis(200));
        }
        return this;
    }

    public Path write(Path file) throws IOException {
        byte[] bytes = new byte[out.position()];
        out.duplicate().flip().get(bytes);
        return Files.write(file, bytes);
    }

    /** An RTP packet of this stream; telephone-events carry the timestamp of the key's start. */
    private byte[] rtp(boolean marker, int payloadType, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence++)
                .putInt(timestamp).putInt(SSRC).put(payload);
        return b.array();
    }

    /** Ethernet, IPv4 and UDP around an RTP packet, as a pcap record. */
    private void packet(byte[] rtp) {
        int udpLength = 8 + rtp.length;
        int ipLength = 20 + udpLength;
        int frameLength = 14 + ipLength;
        out.putInt((int) (timeMicros / 1_000_000)).putInt((int) (timeMicros % 1_000_000)).putInt(frameLength)
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
