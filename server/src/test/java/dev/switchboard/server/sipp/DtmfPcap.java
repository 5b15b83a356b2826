package dev.switchboard.server.sipp;

import java.io.IOException;
import java.nio.file.Path;

/** A pcap file of RTP telephone-event packets (RFC 4733) pressing keys, for sipp's {@code play_pcap_audio}. */
public final class DtmfPcap {

    private DtmfPcap() {
    }

    public static Path write(Path file, String keys) throws IOException {
        return new RtpPcap().keys(keys).write(file);
    }
}
