package dev.switchboard.media.rtp;

import java.util.Optional;

/**
 * An RTP packet (RFC 3550 §5.1) as a view on its bytes: header fields are read on demand, the payload is where the
 * CSRCs, the extension and the padding are not.
 */
public final class RtpPacket {
    public static final int HEADER_BYTES = 12;

    private final byte[] bytes;
    private final int payloadOffset;
    private final int payloadLength;

    private RtpPacket(byte[] bytes, int payloadOffset, int payloadLength) {
        this.bytes = bytes;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
    }

    /** Parses a datagram; empty when it is not version-2 RTP or its lengths do not add up. */
    public static Optional<RtpPacket> parse(byte[] bytes, int length) {
        if (length < HEADER_BYTES || (bytes[0] & 0xC0) != 0x80) {
            return Optional.empty();
        }
        int offset = HEADER_BYTES + 4 * (bytes[0] & 0x0F);
        if ((bytes[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return Optional.empty();
            }
            int extensionWords = ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
            offset += 4 + 4 * extensionWords;
        }
        int end = length;
        if ((bytes[0] & 0x20) != 0) {
            int padding = bytes[length - 1] & 0xFF;
            end -= padding;
        }
        if (offset > end) {
            return Optional.empty();
        }
        return Optional.of(new RtpPacket(bytes, offset, end - offset));
    }

    /** A new packet with a plain 12-byte header. */
    public static byte[] build(int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
                               byte[] payload, int payloadOffset, int payloadLength) {
        byte[] out = new byte[HEADER_BYTES + payloadLength];
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out[2] = (byte) (sequence >> 8);
        out[3] = (byte) sequence;
        writeInt(out, 4, timestamp);
        writeInt(out, 8, ssrc);
        System.arraycopy(payload, payloadOffset, out, HEADER_BYTES, payloadLength);
        return out;
    }

    static void writeInt(byte[] out, int offset, long value) {
        out[offset] = (byte) (value >> 24);
        out[offset + 1] = (byte) (value >> 16);
        out[offset + 2] = (byte) (value >> 8);
        out[offset + 3] = (byte) value;
    }

    static long readInt(byte[] in, int offset) {
        return ((in[offset] & 0xFFL) << 24) | ((in[offset + 1] & 0xFFL) << 16) | ((in[offset + 2] & 0xFFL) << 8)
                | (in[offset + 3] & 0xFFL);
    }

    public int payloadType() {
        return bytes[1] & 0x7F;
    }

    public boolean marker() {
        return (bytes[1] & 0x80) != 0;
    }

    public int sequence() {
        return ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }

    public long timestamp() {
        return readInt(bytes, 4);
    }

    public long ssrc() {
        return readInt(bytes, 8);
    }

    public byte[] bytes() {
        return bytes;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** Whether this datagram's second byte says RTCP (payload types 200-204 with the marker bit), RFC 5761 §4. */
    public static boolean looksLikeRtcp(byte[] bytes, int length) {
        return length >= 2 && (bytes[1] & 0xFF) >= 200 && (bytes[1] & 0xFF) <= 204;
    }
}
