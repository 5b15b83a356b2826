package dev.switchboard.server.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A SIP message as the test's WebSocket phone reads it: start line, headers in order, body. Written apart from the
 * server's parser on purpose, so the two check each other: a peer that shared the server's code would share its bugs.
 */
record SipText(String startLine, List<Map.Entry<String, String>> headers, String body) {
    private static final Map<String, String> COMPACT = Map.of("v", "via", "f", "from", "t", "to", "i", "call-id",
            "m", "contact", "l", "content-length", "c", "content-type", "k", "supported", "e", "content-encoding",
            "s", "subject");

    static SipText parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.removeLast();
                headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.add(Map.entry(COMPACT.getOrDefault(name, name), line.substring(colon + 1).strip()));
        }
        return new SipText(lines[0], headers, body);
    }

    boolean isResponse() {
        return startLine.startsWith("SIP/2.0 ");
    }

    int status() {
        return isResponse() ? Integer.parseInt(startLine.substring(8, 11)) : 0;
    }

    /** The request's method, or the method its CSeq names for a response. */
    String method() {
        return isResponse() ? header("cseq").orElseThrow().split("\\s+")[1] : startLine.split(" ")[0];
    }

    String requestUri() {
        return startLine.split(" ")[1];
    }

    Optional<String> header(String name) {
        List<String> all = headers(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** Every value of a header, comma-separated lists split (outside quotes and angle brackets). */
    List<String> headers(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equals(key)) {
                if (key.endsWith("authenticate") || key.endsWith("authorization")) {
                    values.add(h.getValue());
                } else {
                    values.addAll(splitList(h.getValue()));
                }
            }
        }
        return values;
    }

    String callId() {
        return header("call-id").orElseThrow();
    }

    /** A header's parameter, e.g. the {@code tag} of To. */
    static Optional<String> param(String headerValue, String name) {
        int afterUri = Math.max(0, headerValue.lastIndexOf('>'));
        for (String part : headerValue.substring(afterUri).split(";")) {
            String[] kv = part.strip().split("=", 2);
            if (kv[0].equalsIgnoreCase(name)) {
                return Optional.of(kv.length == 2 ? kv[1].strip() : "");
            }
        }
        return Optional.empty();
    }

    private static List<String> splitList(String value) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                parts.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(value.substring(start).strip());
        return parts;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> out.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return out.append("\r\n").append(body).toString();
    }
}
