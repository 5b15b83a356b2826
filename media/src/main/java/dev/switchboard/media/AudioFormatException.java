package dev.switchboard.media;

import java.io.IOException;

/** Audio that cannot be decoded; the message says why in words a person uploading a file understands. */
public class AudioFormatException extends IOException {
    public AudioFormatException(String message) {
        super(message);
    }

    public AudioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
