package dev.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes to {@link SipMessage} (RFC 3261 §7 and §25), within {@link SipLimits}. Lenient where RFC 4475 allows it (line
 * folding, whitespace around separators, compact forms, header name case), strict where a misread message would be
 * acted on (start line, scalar ranges, duplicated single headers, CSeq method, Content-Length). Thread-safe.
 */
public final class SipParser {
    private final SipLimits limits;

    public SipParser(SipLimits limits) {
        this.limits = limits;
    }

    public SipParser() {
        this(SipLimits.DEFAULT);
    }

    public SipLimits limits() {
        return limits;
    }

    /** Parses a datagram: Content-Length, when present, bounds the body; octets after it are ignored. */
    public SipMessage parse(byte[] data) throws SipParseException {
        return parse(data, 0, data.length, true);
    }

    /**
     * Parses one message in {@code data[offset, offset+length)}. For a datagram a missing Content-Length means the body
     * runs to the end; for a stream frame (see {@link #frameLength}) the frame is exactly one message.
     */
    public SipMessage parse(byte[] data, int offset, int length, boolean datagram) throws SipParseException {
        int start = offset, end = offset + length;
        while (start + 1 < end && data[start] == '\r' && data[start + 1] == '\n') start += 2;
        if (end - start > limits.maxMessageSize()) {
            throw new SipParseException("message larger than " + limits.maxMessageSize() + " bytes", 513,
                    looksLikeRequest(data, start, end), null);
        }
        int headerEnd = headerEnd(data, start, end);
        if (headerEnd < 0) throw new SipParseException("no empty line after the headers", 400, looksLikeRequest(data, start, end), null);
        String head = new String(data, start, headerEnd - start, StandardCharsets.UTF_8);
        int bodyStart = skipEmptyLine(data, headerEnd);
        List<String> lines = unfold(head);
        if (lines.isEmpty()) throw new SipParseException("empty message", 400, false, null);
        String startLine = lines.getFirst();
        boolean request = !startLine.startsWith("SIP/");
        Headers headers = new Headers();
        String error = readHeaders(lines, headers);
        if (error != null) throw new SipParseException(error, 400, request, headers);

        SipMessage message = request ? requestLine(startLine, headers) : statusLine(startLine, headers);
        validate(message, headers);

        int available = end - bodyStart;
        int bodyLength = available;
        var contentLength = headers.first(HeaderNames.CONTENT_LENGTH);
        if (contentLength.isPresent()) {
            bodyLength = contentLength(contentLength.get(), request, headers);
            if (bodyLength > available) {
                throw new SipParseException("Content-Length " + bodyLength + " exceeds the " + available + " body bytes",
                        400, request, headers);
            }
        } else if (!datagram && available > 0) {
            throw new SipParseException("no Content-Length on a stream", 400, request, headers);
        }
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            System.arraycopy(data, bodyStart, body, 0, bodyLength);
            message.setParsedBody(body);
        }
        // the serializer writes the length of the body it holds, so a stale value must not linger
        message.headers().remove(HeaderNames.CONTENT_LENGTH);
        return message;
    }

    /**
     * Stream framing (TCP, TLS): the length of the first complete message in {@code data[offset, offset+length)}
     * (leading CRLFs included), or -1 when more bytes are needed. Throws when the headers exceed the size limit or
     * carry no valid Content-Length, after which the stream cannot be resynchronised.
     */
    public int frameLength(byte[] data, int offset, int length) throws SipParseException {
        int start = offset, end = offset + length;
        while (start + 1 < end && data[start] == '\r' && data[start + 1] == '\n') start += 2;
        int headerEnd = headerEnd(data, start, Math.min(end, start + limits.maxMessageSize()));
        if (headerEnd < 0) {
            if (end - start >= limits.maxMessageSize()) throw new SipParseException("headers larger than " + limits.maxMessageSize() + " bytes", 513, false, null);
            return -1;
        }
        int bodyStart = skipEmptyLine(data, headerEnd);
        String head = new String(data, start, headerEnd - start, StandardCharsets.UTF_8);
        int bodyLength = -1;
        for (String line : unfold(head)) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String name = HeaderNames.canonical(line.substring(0, colon).trim());
            if (name.equals(HeaderNames.CONTENT_LENGTH)) {
                bodyLength = contentLength(line.substring(colon + 1), false, null);
            }
        }
        if (bodyLength < 0) throw new SipParseException("no Content-Length on a stream", 400, false, null);
        int total = bodyStart - offset + bodyLength;
        if (total - (start - offset) > limits.maxMessageSize()) throw new SipParseException("message larger than " + limits.maxMessageSize() + " bytes", 513, false, null);
        return total <= length ? total : -1;
    }

    private static boolean looksLikeRequest(byte[] data, int start, int end) {
        return !(end - start >= 4 && data[start] == 'S' && data[start + 1] == 'I' && data[start + 2] == 'P' && data[start + 3] == '/');
    }

    /** Index of the line end that ends the headers (CRLFCRLF or LFLF), or -1. */
    private static int headerEnd(byte[] data, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            if (data[i] != '\n') continue;
            if (data[i + 1] == '\n') return i;
            if (data[i + 1] == '\r' && i + 2 < end && data[i + 2] == '\n') return i;
        }
        return -1;
    }

    /** From the LF that ends the last header line, past the empty line. */
    private static int skipEmptyLine(byte[] data, int lf) {
        int i = lf + 1;
        if (data[i] == '\r') i++;
        return i + 1;
    }

    /** Splits into lines and joins continuation lines (RFC 3261 §7.3.1): a fold is read as one space. */
    private List<String> unfold(String head) {
        List<String> lines = new ArrayList<>(24);
        int i = 0, n = head.length();
        StringBuilder current = null;
        while (i <= n) {
            int lf = head.indexOf('\n', i);
            int lineEnd = lf < 0 ? n : lf;
            int contentEnd = lineEnd > i && head.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            String line = head.substring(i, contentEnd);
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.stripLeading());
            } else {
                if (current != null) lines.add(current.toString());
                current = new StringBuilder(line);
            }
            if (lf < 0) break;
            i = lf + 1;
        }
        if (current != null && !current.isEmpty()) lines.add(current.toString());
        return lines;
    }

    /** Reads header lines into {@code headers}; returns the first error, having still kept every line it could. */
    private String readHeaders(List<String> lines, Headers headers) {
        String error = null;
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.length() > limits.maxHeaderLength()) {
                if (error == null) error = "header line longer than " + limits.maxHeaderLength();
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).strip() : "";
            if (!Syntax.isToken(name)) {
                if (error == null) error = "malformed header line: " + abbreviate(line);
                continue;
            }
            String canonical = HeaderNames.canonical(name);
            String value = line.substring(colon + 1).strip();
            if (HeaderNames.isList(canonical) && !value.isEmpty()) {
                List<String> parts = splitList(value);
                if (parts == null) {
                    if (error == null) error = "unbalanced quotes or brackets in " + canonical;
                    headers.add(canonical, value);
                    continue;
                }
                boolean empty = parts.stream().anyMatch(String::isEmpty);
                if (empty && isAddressList(canonical)) {
                    if (error == null) error = "empty element in " + canonical;
                    headers.add(canonical, value);
                    continue;
                }
                for (String part : parts) if (!part.isEmpty()) headers.add(canonical, part);
            } else {
                headers.add(canonical, value);
            }
            if (headers.size() > limits.maxHeaders()) return "more than " + limits.maxHeaders() + " headers";
        }
        return error;
    }

    private static boolean isAddressList(String canonical) {
        return canonical.equals(HeaderNames.VIA) || canonical.equals(HeaderNames.CONTACT)
                || canonical.equals(HeaderNames.ROUTE) || canonical.equals(HeaderNames.RECORD_ROUTE);
    }

    /** Splits on commas outside quotes and angle brackets; null when quotes or brackets do not balance. */
    static List<String> splitList(String value) {
        List<String> parts = new ArrayList<>(2);
        boolean quoted = false;
        int angle = 0, from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle++;
            } else if (c == '>') {
                angle--;
            } else if (c == ',' && angle == 0) {
                parts.add(value.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (quoted || angle != 0) return null;
        parts.add(value.substring(from).strip());
        return parts;
    }

    private static SipRequest requestLine(String line, Headers headers) throws SipParseException {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3) throw new SipParseException("malformed request line: " + abbreviate(line), 400, true, headers);
        if (!Syntax.isToken(parts[0])) throw new SipParseException("method is not a token", 400, true, headers);
        if (!parts[2].equals(SipMessage.VERSION)) {
            boolean otherVersion = parts[2].toUpperCase(Locale.ROOT).matches("SIP/\\d+\\.\\d+");
            throw new SipParseException("unsupported version " + abbreviate(parts[2]), otherVersion ? 505 : 400, true, headers);
        }
        SipUri uri;
        try {
            uri = SipUri.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new SipParseException("bad Request-URI: " + e.getMessage(), 400, true, headers);
        }
        return new SipRequest(parts[0], uri, headers, null);
    }

    private static SipResponse statusLine(String line, Headers headers) throws SipParseException {
        if (!line.startsWith(SipMessage.VERSION + " ")) throw new SipParseException("unsupported version", 400, false, headers);
        String rest = line.substring(SipMessage.VERSION.length() + 1);
        int space = rest.indexOf(' ');
        String code = space < 0 ? rest : rest.substring(0, space);
        if (code.length() != 3 || !code.chars().allMatch(Character::isDigit) || code.charAt(0) == '0' || code.charAt(0) > '6')
            throw new SipParseException("bad status code " + abbreviate(code), 400, false, headers);
        return new SipResponse(Integer.parseInt(code), space < 0 ? "" : rest.substring(space + 1), headers, null);
    }

    private static void validate(SipMessage m, Headers h) throws SipParseException {
        boolean request = m instanceof SipRequest;
        for (String name : new String[]{HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID, HeaderNames.CSEQ}) {
            if (!h.contains(name)) throw new SipParseException("missing " + name, 400, request, h);
        }
        for (Headers.Field f : h.fields()) {
            if (HeaderNames.isSingle(f.name()) && h.count(f.name()) > 1)
                throw new SipParseException("more than one " + f.name(), 400, request, h);
        }
        String callId = h.first(HeaderNames.CALL_ID).orElseThrow();
        if (callId.isEmpty() || callId.chars().anyMatch(Character::isWhitespace))
            throw new SipParseException("bad Call-ID", 400, request, h);
        try {
            for (Via via : m.vias()) if (via.host().isEmpty()) throw new IllegalArgumentException("empty Via host");
            CSeq cseq = m.cseq();
            if (m instanceof SipRequest r && !cseq.method().equals(r.method()))
                throw new IllegalArgumentException("CSeq method " + cseq.method() + " does not match " + r.method());
            m.from();
            m.to();
            m.contacts();
            m.routes();
            m.recordRoutes();
            m.maxForwards();
        } catch (IllegalArgumentException e) {
            throw new SipParseException(e.getMessage(), 400, request, h);
        }
    }

    private static int contentLength(String value, boolean request, Headers headers) throws SipParseException {
        String t = value.strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit))
            throw new SipParseException("bad Content-Length " + abbreviate(t), 400, request, headers);
        return Integer.parseInt(t);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
