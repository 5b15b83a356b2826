package dev.switchboard.media;

/**
 * Counters of one session.
 *
 * @param packetsSent       RTP packets we sent
 * @param packetsReceived   RTP packets accepted from the remote side
 * @param packetsIgnored    RTP packets dropped: from an unexpected source, wrong SSRC or payload type, malformed
 * @param packetsLost       packets of the remote's stream that never arrived (from its sequence numbers)
 * @param latePacketsSent   packets sent more than 40 ms after they were due
 * @param remoteJitterMs    the interarrival jitter the remote reported in RTCP (-1 before any report)
 * @param remoteFractionLost the fraction lost the remote reported in RTCP, 0..1 (-1 before any report)
 * @param rtcpReceived      RTCP packets received
 * @param rtcpSent          RTCP packets sent
 */
public record SessionStats(
        long packetsSent,
        long packetsReceived,
        long packetsIgnored,
        long packetsLost,
        long latePacketsSent,
        double remoteJitterMs,
        double remoteFractionLost,
        long rtcpReceived,
        long rtcpSent) {
}
