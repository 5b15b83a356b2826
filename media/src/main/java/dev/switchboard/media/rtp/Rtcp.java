package dev.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** RTCP compound packets (RFC 3550 §6): we send SR or RR plus SDES CNAME, and read report blocks about us. */
public final class Rtcp {
    private static final int SR = 200;
    private static final int RR = 201;
    private static final int SDES = 202;
    private static final long NTP_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    /** What a received report says about the stream we send. */
    public record ReportAboutUs(double fractionLost, long cumulativeLost, long jitterUnits) {
    }

    /** What a received compound packet holds that we use. */
    public record Received(Optional<ReportAboutUs> aboutUs, Optional<Long> senderReportNtpMiddle) {
    }

    private Rtcp() {
    }

    /**
     * An SR (when we have sent since the last report) or RR, with one report block when we receive a stream,
     * followed by SDES with our CNAME.
     */
    public static byte[] compound(long ssrc, boolean sender, long wallMillis, long rtpTimestamp, long packetsSent,
                                  long octetsSent, byte[] reportBlock, String cname) {
        List<byte[]> parts = new ArrayList<>();
        int blocks = reportBlock == null ? 0 : 1;
        int words = (sender ? 6 : 1) + 6 * blocks;
        byte[] report = new byte[4 + 4 * words];
        report[0] = (byte) (0x80 | blocks);
        report[1] = (byte) (sender ? SR : RR);
        report[2] = (byte) (words >> 8);
        report[3] = (byte) words;
        RtpPacket.writeInt(report, 4, ssrc);
        int offset = 8;
        if (sender) {
            long seconds = wallMillis / 1000 + NTP_EPOCH_OFFSET_SECONDS;
            long fraction = ((wallMillis % 1000) << 32) / 1000;
            RtpPacket.writeInt(report, 8, seconds);
            RtpPacket.writeInt(report, 12, fraction);
            RtpPacket.writeInt(report, 16, rtpTimestamp);
            RtpPacket.writeInt(report, 20, packetsSent);
            RtpPacket.writeInt(report, 24, octetsSent);
            offset = 28;
        }
        if (reportBlock != null) {
            System.arraycopy(reportBlock, 0, report, offset, 24);
        }
        parts.add(report);
        parts.add(sdes(ssrc, cname));
        int total = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] sdes(long ssrc, String cname) {
        byte[] name = cname.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(name.length, 255);
        int itemBytes = 2 + length + 1; // CNAME item, then the END item
        int chunkBytes = 4 + itemBytes;
        int padded = (chunkBytes + 3) & ~3;
        byte[] out = new byte[4 + padded];
        int words = padded / 4;
        out[0] = (byte) 0x81;
        out[1] = (byte) SDES;
        out[2] = (byte) (words >> 8);
        out[3] = (byte) words;
        RtpPacket.writeInt(out, 4, ssrc);
        out[8] = 1;
        out[9] = (byte) length;
        System.arraycopy(name, 0, out, 10, length);
        return out;
    }

    /** Reads a compound packet; anything malformed ends the reading with what was found so far. */
    public static Received parse(byte[] bytes, int length, long ourSsrc) {
        ReportAboutUs aboutUs = null;
        Long ntpMiddle = null;
        int offset = 0;
        while (offset + 4 <= length) {
            if ((bytes[offset] & 0xC0) != 0x80) {
                break;
            }
            int count = bytes[offset] & 0x1F;
            int type = bytes[offset + 1] & 0xFF;
            int packetBytes = 4 * (((bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF)) + 1);
            if (offset + packetBytes > length) {
                break;
            }
            int blocksAt = -1;
            if (type == SR && packetBytes >= 28) {
                ntpMiddle = (RtpPacket.readInt(bytes, offset + 8) & 0xFFFF) << 16
                        | (RtpPacket.readInt(bytes, offset + 12) >>> 16);
                blocksAt = offset + 28;
            } else if (type == RR) {
                blocksAt = offset + 8;
            }
            for (int i = 0; blocksAt >= 0 && i < count && blocksAt + 24 * (i + 1) <= offset + packetBytes; i++) {
                int b = blocksAt + 24 * i;
                if (RtpPacket.readInt(bytes, b) == ourSsrc) {
                    long lossWord = RtpPacket.readInt(bytes, b + 4);
                    aboutUs = new ReportAboutUs(((lossWord >>> 24) & 0xFF) / 256.0, lossWord & 0xFFFFFF,
                            RtpPacket.readInt(bytes, b + 12));
                }
            }
            offset += packetBytes;
        }
        return new Received(Optional.ofNullable(aboutUs), Optional.ofNullable(ntpMiddle));
    }
}
