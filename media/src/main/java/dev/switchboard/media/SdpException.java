package dev.switchboard.media;

/**
 * An SDP offer or answer that cannot be used: no common codec, no audio stream, unparseable. The message is meant for
 * a person reading a trace; the SIP layer answers 488 Not Acceptable Here.
 */
public class SdpException extends Exception {
    public SdpException(String message) {
        super(message);
    }
}
