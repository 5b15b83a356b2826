package dev.switchboard.media.rtp;

/**
 * What we know about the stream we receive, for RTCP reception report blocks (RFC 3550 §6.4.1, appendix A.1 and
 * A.8): extended highest sequence, packets expected and received, interarrival jitter. Thread-safe.
 */
public final class ReceptionStats {
    private long remoteSsrc = -1;
    private int baseSequence;
    private int maxSequence;
    private int cycles;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit = Long.MIN_VALUE;
    private long lastSenderReportNtpMiddle;
    private long lastSenderReportArrivalNanos;

    public synchronized void onPacket(long ssrc, int sequence, long rtpTimestamp, long arrivalNanos) {
        if (ssrc != remoteSsrc) {
            remoteSsrc = ssrc;
            baseSequence = sequence;
            maxSequence = sequence;
            cycles = 0;
            received = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            jitter = 0;
            lastTransit = Long.MIN_VALUE;
        }
        int delta = (sequence - maxSequence) & 0xFFFF;
        if (delta < 3000) {
            if (sequence < maxSequence && delta > 0) {
                cycles += 65536;
            }
            if (delta > 0) {
                maxSequence = sequence;
            }
        }
        received++;
        long arrivalUnits = arrivalNanos / 125_000; // 8 kHz timestamp units
        long transit = arrivalUnits - rtpTimestamp;
        if (lastTransit != Long.MIN_VALUE) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
    }

    public synchronized void onSenderReport(long ntpMiddle, long arrivalNanos) {
        lastSenderReportNtpMiddle = ntpMiddle;
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    public synchronized boolean hasRemote() {
        return remoteSsrc >= 0;
    }

    /** A 24-byte report block about the remote source; updates the "since last report" counters. */
    public synchronized byte[] reportBlock(long nowNanos) {
        long extendedMax = cycles + maxSequence;
        long expected = extendedMax - baseSequence + 1;
        long lost = Math.max(0, expected - received);
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        byte[] block = new byte[24];
        RtpPacket.writeInt(block, 0, remoteSsrc);
        RtpPacket.writeInt(block, 4, ((long) Math.min(fraction, 255) << 24) | Math.min(lost, 0x7FFFFF));
        RtpPacket.writeInt(block, 8, extendedMax);
        RtpPacket.writeInt(block, 12, (long) jitter);
        RtpPacket.writeInt(block, 16, lastSenderReportNtpMiddle);
        long dlsr = lastSenderReportArrivalNanos == 0 ? 0
                : (nowNanos - lastSenderReportArrivalNanos) * 65536 / 1_000_000_000L;
        RtpPacket.writeInt(block, 20, dlsr);
        return block;
    }

    /** Packets the remote sent that never arrived (expected from the sequence numbers, minus received). */
    public synchronized long cumulativeLost() {
        if (remoteSsrc < 0) {
            return 0;
        }
        return Math.max(0, (long) cycles + maxSequence - baseSequence + 1 - received);
    }

    /** Jitter in ms as we measure it. */
    public synchronized double jitterMs() {
        return jitter / 8.0;
    }
}
