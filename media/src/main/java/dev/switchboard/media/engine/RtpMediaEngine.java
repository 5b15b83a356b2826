package dev.switchboard.media.engine;

import dev.switchboard.media.MediaConfig;
import dev.switchboard.media.MediaEngine;

/** The media engine on Netty and one media clock. */
public final class RtpMediaEngine {
    private RtpMediaEngine() {
    }

    public static MediaEngine start(MediaConfig config) {
        throw new UnsupportedOperationException("the RTP engine lands in the commit after the API");
    }
}
