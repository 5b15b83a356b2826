package dev.switchboard.sip.message;

import dev.switchboard.sip.transport.Source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A SIP request or response: ordered headers, a body, and where it came from when it was received. Typed accessors
 * parse the header on each call and throw {@link IllegalArgumentException} when it is malformed (a message that came
 * through {@link SipParser} has valid Via, From, To, Call-ID and CSeq). Not thread-safe: hand a message to one thread.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    /** The only version spoken. */
    public static final String VERSION = "SIP/2.0";
    /** The largest delta-seconds value (RFC 3261 §20.19). */
    public static final long MAX_DELTA_SECONDS = 4294967295L;

    private final Headers headers;
    private byte[] body;
    private Source source;

    SipMessage(Headers headers, byte[] body) {
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    public Headers headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** Body bytes (never null; empty when none). */
    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Sets the body and its Content-Type (Content-Length is computed when serializing). */
    public void setBody(String contentType, byte[] newBody) {
        this.body = newBody == null ? new byte[0] : newBody;
        if (contentType == null || this.body.length == 0) headers.remove(HeaderNames.CONTENT_TYPE);
        else headers.set(HeaderNames.CONTENT_TYPE, contentType);
    }

    /** Sets the body as read from the wire, leaving the headers as they are. */
    void setParsedBody(byte[] newBody) {
        this.body = newBody;
    }

    /** Where a received message came from; null for a message built here. */
    public Source source() {
        return source;
    }

    /** Set by the transport when the message is received. */
    public void setSource(Source source) {
        this.source = source;
    }

    public String callId() {
        return headers.first(HeaderNames.CALL_ID).orElseThrow(() -> missing(HeaderNames.CALL_ID));
    }

    public CSeq cseq() {
        return CSeq.parse(headers.first(HeaderNames.CSEQ).orElseThrow(() -> missing(HeaderNames.CSEQ)));
    }

    public NameAddress from() {
        return NameAddress.parse(headers.first(HeaderNames.FROM).orElseThrow(() -> missing(HeaderNames.FROM)));
    }

    public NameAddress to() {
        return NameAddress.parse(headers.first(HeaderNames.TO).orElseThrow(() -> missing(HeaderNames.TO)));
    }

    public List<Via> vias() {
        List<Via> vias = new ArrayList<>(2);
        for (String v : headers.all(HeaderNames.VIA)) vias.add(Via.parse(v));
        return vias;
    }

    public Via topVia() {
        return Via.parse(headers.first(HeaderNames.VIA).orElseThrow(() -> missing(HeaderNames.VIA)));
    }

    /** Contacts in order; empty for none and for the wildcard {@code *} (see {@link #isWildcardContact}). */
    public List<NameAddress> contacts() {
        return addresses(HeaderNames.CONTACT);
    }

    /** {@code Contact: *}, which unregisters every binding (RFC 3261 §10.2.2). */
    public boolean isWildcardContact() {
        List<String> values = headers.all(HeaderNames.CONTACT);
        return values.size() == 1 && values.getFirst().trim().equals("*");
    }

    public List<NameAddress> routes() {
        return addresses(HeaderNames.ROUTE);
    }

    public List<NameAddress> recordRoutes() {
        return addresses(HeaderNames.RECORD_ROUTE);
    }

    private List<NameAddress> addresses(String name) {
        List<NameAddress> list = new ArrayList<>(2);
        for (String v : headers.all(name)) {
            if (!v.trim().equals("*")) list.add(NameAddress.parse(v));
        }
        return list;
    }

    public OptionalInt maxForwards() {
        Optional<String> v = headers.first(HeaderNames.MAX_FORWARDS);
        if (v.isEmpty()) return OptionalInt.empty();
        String t = v.get().trim();
        if (t.isEmpty() || t.length() > 5 || !t.chars().allMatch(Character::isDigit))
            throw new IllegalArgumentException("bad Max-Forwards: " + t);
        int n = Integer.parseInt(t);
        if (n > 255) throw new IllegalArgumentException("Max-Forwards above 255: " + t);
        return OptionalInt.of(n);
    }

    /** The media type without parameters, lower case. */
    public Optional<String> contentType() {
        return headers.first(HeaderNames.CONTENT_TYPE).map(v -> {
            int semi = v.indexOf(';');
            return (semi >= 0 ? v.substring(0, semi) : v).trim().toLowerCase(java.util.Locale.ROOT);
        });
    }

    /** The Expires header in seconds; values beyond 2^32-1 read as 2^32-1 (RFC 3261 §20.19). */
    public OptionalLong expires() {
        Optional<String> v = headers.first(HeaderNames.EXPIRES);
        if (v.isEmpty()) return OptionalLong.empty();
        String t = v.get().trim();
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException("bad Expires: " + t);
        return OptionalLong.of(t.length() > 10 ? MAX_DELTA_SECONDS : Math.min(Long.parseLong(t), MAX_DELTA_SECONDS));
    }

    /** Values of a token-list header such as Supported or Require (split on commas too), trimmed, without empty ones. */
    public List<String> tokens(String name) {
        List<String> list = new ArrayList<>();
        for (String v : headers.all(name)) {
            for (String part : v.split(",")) {
                String t = part.trim();
                if (!t.isEmpty()) list.add(t);
            }
        }
        return list;
    }

    /** The message on the wire: start line, headers, Content-Length computed from the body, body. */
    public byte[] toBytes() {
        StringBuilder b = new StringBuilder(512);
        appendStartLine(b);
        b.append("\r\n");
        for (Headers.Field f : headers.fields()) {
            if (f.name().equals(HeaderNames.CONTENT_LENGTH)) continue;
            b.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        b.append(HeaderNames.CONTENT_LENGTH).append(": ").append(body.length).append("\r\n\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length == 0) return head;
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    abstract void appendStartLine(StringBuilder b);

    /** The first line, for logs. */
    public String startLine() {
        StringBuilder b = new StringBuilder();
        appendStartLine(b);
        return b.toString();
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("no " + name + " header");
    }
}
