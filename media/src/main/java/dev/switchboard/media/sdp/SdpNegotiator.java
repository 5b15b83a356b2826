package dev.switchboard.media.sdp;

import dev.switchboard.media.Codec;
import dev.switchboard.media.Direction;
import dev.switchboard.media.SdpException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 3264 offer/answer for one audio stream of one leg. Keeps the o= line's session id and bumps its version on every
 * new description we write, so re-INVITEs (hold, unhold, codec change) work on the same session.
 * Not thread-safe; the session serialises calls.
 */
public final class SdpNegotiator {
    private static final String TELEPHONE_EVENT = "TELEPHONE-EVENT/8000";
    private static final String COMFORT_NOISE = "CN/8000";

    private final String address;
    private final String addressType;
    private final int localPort;
    private final List<Codec> codecs;
    private final int telephoneEventType;
    private final long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private long version = sessionId;
    private Direction offeredDirection = Direction.SENDRECV;
    private Negotiated negotiated;

    public SdpNegotiator(String advertisedAddress, int localPort, List<Codec> codecs, int telephoneEventType) {
        this.address = advertisedAddress;
        this.addressType = advertisedAddress.contains(":") ? "IP6" : "IP4";
        this.localPort = localPort;
        this.codecs = List.copyOf(codecs);
        this.telephoneEventType = telephoneEventType;
    }

    public Optional<Negotiated> negotiated() {
        return Optional.ofNullable(negotiated);
    }

    /** Our offer: every codec, telephone-event 0-16, 20 ms, the given direction. */
    public String offer(Direction direction) {
        offeredDirection = direction;
        StringBuilder sdp = header();
        sdp.append("m=audio ").append(localPort).append(" RTP/AVP");
        for (Codec codec : codecs) {
            sdp.append(' ').append(codec.payloadType);
        }
        sdp.append(' ').append(telephoneEventType).append("\r\n");
        for (Codec codec : codecs) {
            sdp.append("a=rtpmap:").append(codec.payloadType).append(' ').append(codec.encodingName)
                    .append("/8000\r\n");
        }
        sdp.append("a=rtpmap:").append(telephoneEventType).append(" telephone-event/8000\r\n");
        sdp.append("a=fmtp:").append(telephoneEventType).append(" 0-16\r\n");
        sdp.append("a=ptime:20\r\n");
        sdp.append("a=").append(direction.attribute()).append("\r\n");
        return sdp.toString();
    }

    /** Takes the answer to our last offer. */
    public Negotiated acceptAnswer(String remoteAnswer) throws SdpException {
        SessionDescription answer = SessionDescription.parse(remoteAnswer);
        MediaDescription audio = answer.media().stream().filter(m -> m.type().equals("audio")).findFirst()
                .orElseThrow(() -> new SdpException("the answer has no audio stream"));
        if (audio.port() == 0) {
            throw new SdpException("the answer rejected the audio stream (port 0)");
        }
        Codec codec = null;
        int payloadType = -1;
        for (String format : audio.formats()) {
            Optional<Codec> match = codecOf(audio, format);
            if (match.isPresent()) {
                codec = match.get();
                payloadType = Integer.parseInt(format);
                break;
            }
        }
        if (codec == null) {
            throw new SdpException("the answer chose no codec we offered (offered " + codecNames()
                    + ", answered " + describeFormats(audio) + ")");
        }
        int events = payloadTypeOf(audio, TELEPHONE_EVENT);
        int noise = payloadTypeOf(audio, COMFORT_NOISE);
        Direction theirs = effectiveRemoteDirection(answer, audio);
        negotiated = new Negotiated(codec, payloadType, events, noise, remoteRtp(answer, audio),
                remoteRtcp(answer, audio), offeredDirection.and(theirs.reversed()), ptimeOf(audio));
        return negotiated;
    }

    /**
     * Answers a remote offer: the first of the offerer's formats we support; telephone-event with its payload type;
     * every other stream rejected with port 0.
     *
     * @param wanted what we would like (SENDRECV normally; SENDONLY while we hold the peer)
     */
    public String answer(String remoteOffer, Direction wanted) throws SdpException {
        SessionDescription offer = SessionDescription.parse(remoteOffer);
        MediaDescription chosen = null;
        Codec codec = null;
        int payloadType = -1;
        List<String> refused = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            if (chosen != null || !m.type().equals("audio") || m.port() == 0) {
                continue;
            }
            if (!m.isPlainRtp()) {
                refused.add("audio over " + m.protocol() + " (encrypted media is not supported)");
                continue;
            }
            for (String format : m.formats()) {
                Optional<Codec> match = codecOf(m, format);
                if (match.isPresent()) {
                    codec = match.get();
                    payloadType = Integer.parseInt(format);
                    chosen = m;
                    break;
                }
            }
            if (chosen == null) {
                refused.add("audio with " + describeFormats(m));
            }
        }
        if (chosen == null) {
            throw new SdpException(refused.isEmpty()
                    ? "the offer has no audio stream"
                    : "no common codec: we support " + codecNames() + " over RTP/AVP; the offer has "
                            + String.join(", ", refused));
        }
        int events = payloadTypeOf(chosen, TELEPHONE_EVENT);
        int noise = payloadTypeOf(chosen, COMFORT_NOISE);
        Direction theirs = effectiveRemoteDirection(offer, chosen);
        Direction ours = wanted.and(theirs.reversed());
        negotiated = new Negotiated(codec, payloadType, events, noise, remoteRtp(offer, chosen),
                remoteRtcp(offer, chosen), ours, ptimeOf(chosen));

        StringBuilder sdp = header();
        for (MediaDescription m : offer.media()) {
            if (m != chosen) {
                sdp.append("m=").append(m.type()).append(" 0 ").append(m.protocol());
                for (String format : m.formats()) {
                    sdp.append(' ').append(format);
                }
                if (m.formats().isEmpty()) {
                    sdp.append(" 0");
                }
                sdp.append("\r\n");
                continue;
            }
            sdp.append("m=audio ").append(localPort).append(' ').append(m.protocol()).append(' ').append(payloadType);
            if (events >= 0) {
                sdp.append(' ').append(events);
            }
            if (noise >= 0) {
                sdp.append(' ').append(noise);
            }
            sdp.append("\r\n");
            sdp.append("a=rtpmap:").append(payloadType).append(' ').append(codec.encodingName).append("/8000\r\n");
            if (events >= 0) {
                sdp.append("a=rtpmap:").append(events).append(" telephone-event/8000\r\n");
                sdp.append("a=fmtp:").append(events).append(" 0-16\r\n");
            }
            if (noise >= 0) {
                sdp.append("a=rtpmap:").append(noise).append(" CN/8000\r\n");
            }
            sdp.append("a=ptime:").append(negotiated.ptimeMs()).append("\r\n");
            sdp.append("a=").append(ours.attribute()).append("\r\n");
        }
        return sdp.toString();
    }

    private StringBuilder header() {
        version++;
        StringBuilder sdp = new StringBuilder(320);
        sdp.append("v=0\r\n");
        sdp.append("o=switchboard ").append(sessionId).append(' ').append(version).append(" IN ").append(addressType)
                .append(' ').append(address).append("\r\n");
        sdp.append("s=switchboard\r\n");
        sdp.append("c=IN ").append(addressType).append(' ').append(address).append("\r\n");
        sdp.append("t=0 0\r\n");
        return sdp;
    }

    private Optional<Codec> codecOf(MediaDescription m, String format) {
        Optional<String> encoding = m.encodingOf(format);
        if (encoding.isEmpty() || !isNumber(format)) {
            return Optional.empty();
        }
        for (Codec codec : codecs) {
            if (encoding.get().equalsIgnoreCase(codec.encodingName + "/8000")) {
                return Optional.of(codec);
            }
        }
        return Optional.empty();
    }

    private static int payloadTypeOf(MediaDescription m, String encoding) {
        for (String format : m.formats()) {
            if (isNumber(format) && m.encodingOf(format).map(encoding::equalsIgnoreCase).orElse(false)) {
                return Integer.parseInt(format);
            }
        }
        return -1;
    }

    /** A peer that asks for RTP at 0.0.0.0 (RFC 2543 hold) does not want to receive. */
    private static Direction effectiveRemoteDirection(SessionDescription sdp, MediaDescription m) {
        boolean nullAddress = sdp.addressOf(m).map(SdpNegotiator::isNullAddress).orElse(true);
        return nullAddress ? m.direction().and(Direction.SENDONLY) : m.direction();
    }

    private static Optional<InetSocketAddress> remoteRtp(SessionDescription sdp, MediaDescription m) {
        return sdp.addressOf(m).filter(a -> !isNullAddress(a))
                .map(a -> InetSocketAddress.createUnresolved(a, m.port()))
                .map(SdpNegotiator::resolve);
    }

    private static Optional<InetSocketAddress> remoteRtcp(SessionDescription sdp, MediaDescription m) {
        int port = m.rtcpPort().orElse(m.port() + 1);
        return sdp.addressOf(m).filter(a -> !isNullAddress(a))
                .map(a -> resolve(InetSocketAddress.createUnresolved(a, port)));
    }

    /** SDP carries literal addresses; a host name is resolved here, once. */
    private static InetSocketAddress resolve(InetSocketAddress unresolved) {
        return new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
    }

    private static boolean isNullAddress(String address) {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    private static int ptimeOf(MediaDescription m) {
        int ptime = m.ptime().orElse(20);
        return ptime > 0 && ptime <= 200 ? ptime : 20;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 3 && s.chars().allMatch(Character::isDigit);
    }

    private String codecNames() {
        return codecs.stream().map(c -> c.encodingName).toList().toString();
    }

    private static String describeFormats(MediaDescription m) {
        List<String> names = new ArrayList<>();
        for (String format : m.formats()) {
            names.add(m.encodingOf(format).map(e -> e.substring(0, e.indexOf('/') < 0 ? e.length() : e.indexOf('/')))
                    .orElse(format));
        }
        return names.toString();
    }
}
