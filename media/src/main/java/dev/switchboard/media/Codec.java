package dev.switchboard.media;

/** The audio codecs a session can negotiate: G.711 at 8 kHz, 20 ms frames of 160 bytes. */
public enum Codec {
    PCMU(0, "PCMU"),
    PCMA(8, "PCMA");

    /** The static RTP payload type (RFC 3551). */
    public final int payloadType;
    /** The encoding name in {@code a=rtpmap}. */
    public final String encodingName;

    Codec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    public static final int CLOCK_RATE = 8000;
    public static final int SAMPLES_PER_FRAME = 160;
}
