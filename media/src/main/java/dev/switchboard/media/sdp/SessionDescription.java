package dev.switchboard.media.sdp;

import dev.switchboard.media.Direction;
import dev.switchboard.media.SdpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of an SDP body (RFC 8866) that offer/answer for audio needs. Parsing is lenient about lines it does not
 * use and strict about those it does (v=, m=, c=).
 *
 * @param connection the session-level {@code c=} address, if any
 * @param media      the m= sections in order
 */
public record SessionDescription(Optional<String> connection, List<MediaDescription> media) {

    public static SessionDescription parse(String text) throws SdpException {
        if (text == null || text.isBlank()) {
            throw new SdpException("the SDP body is empty");
        }
        String sessionConnection = null;
        Direction sessionDirection = Direction.SENDRECV;
        List<MediaDescription.Builder> media = new ArrayList<>();
        MediaDescription.Builder current = null;
        boolean sawVersion = false;
        for (String rawLine : text.split("\r?\n")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpException("malformed SDP line: '" + abbreviate(line) + "'");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            switch (type) {
                case 'v' -> sawVersion = true;
                case 'c' -> {
                    String address = parseConnection(value);
                    if (current == null) {
                        sessionConnection = address;
                    } else {
                        current.connection(address);
                    }
                }
                case 'm' -> {
                    current = MediaDescription.Builder.parse(value);
                    media.add(current);
                }
                case 'a' -> {
                    if (current != null) {
                        current.attribute(value);
                    } else {
                        Optional<Direction> direction = MediaDescription.directionAttribute(value);
                        if (direction.isPresent()) {
                            sessionDirection = direction.get();
                        }
                    }
                }
                default -> {
                    // o=, s=, t=, b= and the rest do not change how we negotiate audio
                }
            }
        }
        if (!sawVersion) {
            throw new SdpException("not an SDP body: no v= line");
        }
        List<MediaDescription> built = new ArrayList<>();
        for (MediaDescription.Builder builder : media) {
            built.add(builder.build(sessionDirection));
        }
        return new SessionDescription(Optional.ofNullable(sessionConnection), List.copyOf(built));
    }

    /** The address a media section's RTP goes to: its own c= line, else the session's. */
    public Optional<String> addressOf(MediaDescription m) {
        return m.connection().or(this::connection);
    }

    private static String parseConnection(String value) throws SdpException {
        String[] parts = value.trim().split("\\s+");
        if (parts.length < 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new SdpException("malformed c= line: '" + abbreviate(value) + "'");
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        return slash >= 0 ? address.substring(0, slash) : address;
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
