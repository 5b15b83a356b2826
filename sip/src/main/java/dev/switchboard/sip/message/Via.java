package dev.switchboard.sip.message;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via header value (RFC 3261 §20.42): {@code SIP/2.0/UDP host:port;branch=z9hG4bK…;rport;received=…}. Immutable.
 *
 * @param transport upper case: UDP, TCP, TLS, WS, WSS, SCTP or anything else a peer wrote
 * @param host      sent-by host (IPv6 in brackets)
 * @param port      sent-by port or -1
 */
public record Via(String protocol, String transport, String host, int port, Parameters params) {
    /** Branches starting with this are RFC 3261 branches, unique per transaction (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public static Via of(String transport, String host, int port, String branch) {
        return new Via("SIP/2.0", transport.toUpperCase(Locale.ROOT), host, port,
                Parameters.builder().add("branch", branch).build());
    }

    public static Via parse(String text) {
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        String name = c.token();
        c.expect('/');
        String version = c.token();
        c.expect('/');
        String transport = c.token().toUpperCase(Locale.ROOT);
        c.skipWhitespace();
        String host;
        if (c.peek() == '[') {
            String rest = c.rest();
            int close = rest.indexOf(']');
            if (close < 0) throw c.fail("unclosed IPv6 reference");
            host = rest.substring(0, close + 1);
            c = new Cursor(rest.substring(close + 1));
        } else {
            host = c.until(":;,");
        }
        for (int i = 0; i < host.length(); i++) {
            char ch = host.charAt(i);
            if (!(ch < 128 && Character.isLetterOrDigit(ch)) && ".-[]:".indexOf(ch) < 0) throw c.fail("bad sent-by host");
        }
        int port = -1;
        if (c.accept(':')) {
            String digits = c.until(";,");
            if (digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) throw c.fail("bad sent-by port");
            port = Integer.parseInt(digits);
            if (port > 65535) throw c.fail("bad sent-by port");
        }
        Parameters params = c.parameters();
        c.skipWhitespace();
        if (!c.atEnd()) throw c.fail("unexpected text in Via");
        return new Via(name.toUpperCase(Locale.ROOT) + "/" + version, transport, host, port, params);
    }

    public Optional<String> branch() {
        return params.get("branch");
    }

    /** Whether the branch is an RFC 3261 one (magic cookie and something after it). */
    public boolean hasRfc3261Branch() {
        return branch().map(b -> b.startsWith(MAGIC_COOKIE) && b.length() > MAGIC_COOKIE.length()).orElse(false);
    }

    public Optional<String> received() {
        return params.get("received");
    }

    /** Whether {@code rport} is present (with or without a value, RFC 3581). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The {@code rport} value filled in by the receiver, if any. */
    public OptionalInt rport() {
        Optional<String> v = params.get("rport");
        if (v.isEmpty()) return OptionalInt.empty();
        try {
            return OptionalInt.of(Integer.parseInt(v.get()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    public Optional<String> maddr() {
        return params.get("maddr");
    }

    public Via withParam(String name, String value) {
        return new Via(protocol, transport, host, port, params.with(name, value));
    }

    /** The sent-by as {@code host[:port]}. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64).append(protocol).append('/').append(transport).append(' ').append(sentBy());
        params.appendTo(b);
        return b.toString();
    }
}
