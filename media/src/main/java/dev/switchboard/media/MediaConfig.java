package dev.switchboard.media;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the media engine runs.
 *
 * @param bindAddress        the local address RTP sockets bind to
 * @param advertisedAddress  the address written in SDP {@code c=} lines (a public address behind NAT)
 * @param rtpPortMin         lowest RTP port (even); RTCP uses RTP + 1
 * @param rtpPortMax         highest port usable (RTCP of the last pair included)
 * @param codecs             codecs we offer and accept, in our order of preference
 * @param telephoneEventPayloadType the payload type we offer for RFC 4733 telephone-event/8000
 * @param jitterBufferFrames how many 20 ms frames the jitter buffer holds before it gives up waiting for a gap
 * @param cacheDirectory     where converted audio, fetched URLs and generated prompts are kept
 * @param meterRegistry      where late ticks, late packets and counters are reported
 * @param tts                the text-to-speech engine for {@code tts} sources and system prompts
 * @param promptResolver     the default resolver of prompt overrides (a session may set its own)
 * @param defaultLanguage    the language of prompts when none is given
 * @param rtcpInterval       how often RTCP reports are sent
 * @param maxUrlBytes        the largest audio file fetched from a URL
 */
public record MediaConfig(
        InetAddress bindAddress,
        String advertisedAddress,
        int rtpPortMin,
        int rtpPortMax,
        List<Codec> codecs,
        int telephoneEventPayloadType,
        int jitterBufferFrames,
        Path cacheDirectory,
        MeterRegistry meterRegistry,
        TtsEngine tts,
        PromptResolver promptResolver,
        String defaultLanguage,
        Duration rtcpInterval,
        long maxUrlBytes) {

    public MediaConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedAddress, "advertisedAddress");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        Objects.requireNonNull(tts, "tts");
        Objects.requireNonNull(promptResolver, "promptResolver");
        codecs = List.copyOf(codecs);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("at least one codec must be offered");
        }
        if (rtpPortMin < 1024 || rtpPortMax > 65535 || rtpPortMax - rtpPortMin < 1) {
            throw new IllegalArgumentException("RTP port range " + rtpPortMin + "-" + rtpPortMax + " is not usable");
        }
        if (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be dynamic (96-127)");
        }
        if (jitterBufferFrames < 1) {
            throw new IllegalArgumentException("jitter buffer needs at least one frame");
        }
    }

    /** Defaults: loopback, ports 16384-32767, PCMU then PCMA, telephone-event 101, 3 frames of jitter buffer. */
    public static Builder builder(Path cacheDirectory) {
        return new Builder(cacheDirectory);
    }

    /** Builds a {@link MediaConfig}; every setter is optional. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private String advertisedAddress;
        private int rtpPortMin = 16384;
        private int rtpPortMax = 32767;
        private List<Codec> codecs = List.of(Codec.PCMU, Codec.PCMA);
        private int telephoneEventPayloadType = 101;
        private int jitterBufferFrames = 3;
        private final Path cacheDirectory;
        private MeterRegistry meterRegistry;
        private TtsEngine tts;
        private PromptResolver promptResolver = PromptResolver.NONE;
        private String defaultLanguage = "en-us";
        private Duration rtcpInterval = Duration.ofSeconds(5);
        private long maxUrlBytes = 50L * 1024 * 1024;

        private Builder(Path cacheDirectory) {
            this.cacheDirectory = cacheDirectory;
        }

        public Builder bindAddress(InetAddress value) { bindAddress = value; return this; }
        public Builder advertisedAddress(String value) { advertisedAddress = value; return this; }
        public Builder rtpPorts(int min, int max) { rtpPortMin = min; rtpPortMax = max; return this; }
        public Builder codecs(List<Codec> value) { codecs = value; return this; }
        public Builder telephoneEventPayloadType(int value) { telephoneEventPayloadType = value; return this; }
        public Builder jitterBufferFrames(int value) { jitterBufferFrames = value; return this; }
        public Builder meterRegistry(MeterRegistry value) { meterRegistry = value; return this; }
        public Builder tts(TtsEngine value) { tts = value; return this; }
        public Builder promptResolver(PromptResolver value) { promptResolver = value; return this; }
        public Builder defaultLanguage(String value) { defaultLanguage = value; return this; }
        public Builder rtcpInterval(Duration value) { rtcpInterval = value; return this; }
        public Builder maxUrlBytes(long value) { maxUrlBytes = value; return this; }

        public MediaConfig build() {
            return new MediaConfig(bindAddress,
                    advertisedAddress != null ? advertisedAddress : bindAddress.getHostAddress(),
                    rtpPortMin, rtpPortMax, codecs, telephoneEventPayloadType, jitterBufferFrames, cacheDirectory,
                    meterRegistry != null ? meterRegistry : new SimpleMeterRegistry(),
                    tts != null ? tts : TtsEngines.best(cacheDirectory.resolve("tts")),
                    promptResolver, defaultLanguage, rtcpInterval, maxUrlBytes);
        }
    }
}
