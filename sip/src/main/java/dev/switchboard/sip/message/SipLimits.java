package dev.switchboard.sip.message;

/**
 * Size bounds the parser enforces, so that one peer cannot make us hold unbounded memory.
 *
 * @param maxMessageSize    whole message, headers and body, in bytes (64 KiB by default)
 * @param maxHeaders        header fields after splitting list values
 * @param maxHeaderLength   one header line after unfolding, in characters
 */
public record SipLimits(int maxMessageSize, int maxHeaders, int maxHeaderLength) {
    public static final SipLimits DEFAULT = new SipLimits(64 * 1024, 256, 16 * 1024);

    public SipLimits {
        if (maxMessageSize < 512 || maxHeaders < 8 || maxHeaderLength < 256)
            throw new IllegalArgumentException("SIP limits too small to carry a real message");
    }
}
