package dev.switchboard.media.sdp;

import dev.switchboard.media.Codec;
import dev.switchboard.media.Direction;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The outcome of an offer/answer exchange for the audio stream.
 *
 * @param codec                 the codec both sides send
 * @param payloadType           the payload type that codec travels with
 * @param telephoneEventType    the payload type of RFC 4733 events, or -1 when the peer did not accept them
 * @param comfortNoiseType      the payload type of comfort noise, or -1
 * @param remoteRtp             where the peer wants RTP, empty when it asked not to receive (hold with 0.0.0.0)
 * @param remoteRtcp            where the peer wants RTCP
 * @param direction             what we may do: send, receive, both or neither
 * @param ptimeMs               the packet time the peer asked for (we send 20 ms frames regardless)
 */
public record Negotiated(Codec codec, int payloadType, int telephoneEventType, int comfortNoiseType,
                         Optional<InetSocketAddress> remoteRtp, Optional<InetSocketAddress> remoteRtcp,
                         Direction direction, int ptimeMs) {
}
