package dev.switchboard.media.sdp;

import dev.switchboard.media.Direction;
import dev.switchboard.media.SdpException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One m= section.
 *
 * @param type       audio, video, …
 * @param port       0 when the stream is rejected or disabled
 * @param protocol   RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF, …
 * @param formats    the payload types (or other formats) in the writer's order of preference
 * @param rtpmaps    payload type → encoding name and clock rate, upper-cased name ("PCMU/8000")
 * @param fmtps      payload type → its fmtp parameters
 * @param direction  the section's direction, or the session's when it has none
 * @param ptime      the packet time asked for, if any
 * @param rtcpPort   the {@code a=rtcp} port, if any
 * @param connection the section's own c= address, if any
 */
public record MediaDescription(String type, int port, String protocol, List<String> formats,
                               Map<String, String> rtpmaps, Map<String, String> fmtps, Direction direction,
                               OptionalInt ptime, OptionalInt rtcpPort, Optional<String> connection) {

    /** The encoding name of a payload type: its rtpmap, or the static RFC 3551 assignment. */
    public Optional<String> encodingOf(String format) {
        String mapped = rtpmaps.get(format);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return switch (format) {
            case "0" -> Optional.of("PCMU/8000");
            case "8" -> Optional.of("PCMA/8000");
            case "13" -> Optional.of("CN/8000");
            case "9" -> Optional.of("G722/8000");
            case "18" -> Optional.of("G729/8000");
            case "3" -> Optional.of("GSM/8000");
            default -> Optional.empty();
        };
    }

    /** Whether plain RTP without encryption can be used on this section (AVP or AVPF profiles). */
    public boolean isPlainRtp() {
        return protocol.equals("RTP/AVP") || protocol.equals("RTP/AVPF");
    }

    static Optional<Direction> directionAttribute(String attribute) {
        return switch (attribute.trim().toLowerCase(Locale.ROOT)) {
            case "sendrecv" -> Optional.of(Direction.SENDRECV);
            case "sendonly" -> Optional.of(Direction.SENDONLY);
            case "recvonly" -> Optional.of(Direction.RECVONLY);
            case "inactive" -> Optional.of(Direction.INACTIVE);
            default -> Optional.empty();
        };
    }

    static final class Builder {
        private final String type;
        private final int port;
        private final String protocol;
        private final List<String> formats;
        private final Map<String, String> rtpmaps = new LinkedHashMap<>();
        private final Map<String, String> fmtps = new LinkedHashMap<>();
        private Direction direction;
        private Integer ptime;
        private Integer rtcpPort;
        private String connection;

        private Builder(String type, int port, String protocol, List<String> formats) {
            this.type = type;
            this.port = port;
            this.protocol = protocol;
            this.formats = formats;
        }

        static Builder parse(String value) throws SdpException {
            String[] parts = value.trim().split("\\s+");
            if (parts.length < 3) {
                throw new SdpException("malformed m= line: '" + SessionDescription.abbreviate(value) + "'");
            }
            String portText = parts[1];
            int slash = portText.indexOf('/');
            int port;
            try {
                port = Integer.parseInt(slash >= 0 ? portText.substring(0, slash) : portText);
            } catch (NumberFormatException e) {
                throw new SdpException("malformed port in m= line: '" + SessionDescription.abbreviate(value) + "'");
            }
            if (port < 0 || port > 65535) {
                throw new SdpException("port " + port + " out of range in m= line");
            }
            List<String> formats = new ArrayList<>();
            for (int i = 3; i < parts.length; i++) {
                formats.add(parts[i]);
            }
            return new Builder(parts[0].toLowerCase(Locale.ROOT), port, parts[2].toUpperCase(Locale.ROOT),
                    formats);
        }

        void connection(String address) {
            connection = address;
        }

        void attribute(String attribute) {
            Optional<Direction> d = directionAttribute(attribute);
            if (d.isPresent()) {
                direction = d.get();
                return;
            }
            int colon = attribute.indexOf(':');
            if (colon < 0) {
                return;
            }
            String name = attribute.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = attribute.substring(colon + 1).trim();
            switch (name) {
                case "rtpmap" -> {
                    String[] pair = value.split("\\s+", 2);
                    if (pair.length == 2) {
                        rtpmaps.put(pair[0], normaliseEncoding(pair[1]));
                    }
                }
                case "fmtp" -> {
                    String[] pair = value.split("\\s+", 2);
                    if (pair.length == 2) {
                        fmtps.put(pair[0], pair[1]);
                    }
                }
                case "ptime" -> ptime = parseIntOrNull(value);
                case "rtcp" -> rtcpPort = parseIntOrNull(value.split("\\s+")[0]);
                default -> {
                    // other attributes (ice, crypto, ssrc…) do not take part in our negotiation
                }
            }
        }

        MediaDescription build(Direction sessionDirection) {
            return new MediaDescription(type, port, protocol, List.copyOf(formats), Map.copyOf(rtpmaps),
                    Map.copyOf(fmtps), direction != null ? direction : sessionDirection,
                    ptime != null ? OptionalInt.of(ptime) : OptionalInt.empty(),
                    rtcpPort != null ? OptionalInt.of(rtcpPort) : OptionalInt.empty(),
                    Optional.ofNullable(connection));
        }

        private static String normaliseEncoding(String encoding) {
            String[] parts = encoding.trim().split("/");
            String name = parts[0].toUpperCase(Locale.ROOT);
            return parts.length > 1 ? name + "/" + parts[1] : name;
        }

        private static Integer parseIntOrNull(String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
