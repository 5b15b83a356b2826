package dev.switchboard.media;

import java.time.Duration;

/**
 * One key pressed by the remote side.
 *
 * @param key      0-9, *, #, A-D
 * @param duration how long the key sounded (as reported; zero when unknown)
 * @param origin   how it reached us
 */
public record DtmfEvent(char key, Duration duration, Origin origin) {

    public enum Origin { RFC4733, SIP_INFO, INBAND }
}
