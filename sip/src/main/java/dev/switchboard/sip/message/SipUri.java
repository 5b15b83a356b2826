package dev.switchboard.sip.message;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code sip:}, {@code sips:} or {@code tel:} URI (RFC 3261 §19.1, RFC 3966), or any other scheme kept opaque so that
 * headers carrying it still parse (RFC 4475 §3.3.2). Immutable; {@link #equals} follows RFC 3261 §19.1.4.
 *
 * <p>The user and password are held unescaped; parameters and headers are held as written.
 */
public final class SipUri {
    private static final Set<String> ALWAYS_COMPARED = Set.of("user", "ttl", "method", "maddr", "transport");

    private final String scheme;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Parameters params;
    private final Parameters headers;
    private final String opaque;

    private SipUri(String scheme, String user, String password, String host, int port, Parameters params,
                   Parameters headers, String opaque) {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.params = params;
        this.headers = headers;
        this.opaque = opaque;
    }

    /** {@code sip:user@host:port} (user may be null, port -1 for none). */
    public static SipUri sip(String user, String host, int port) {
        return new SipUri("sip", user, null, host, port, Parameters.empty(), Parameters.empty(), null);
    }

    /** {@code sips:user@host:port} (user may be null, port -1 for none). */
    public static SipUri sips(String user, String host, int port) {
        return new SipUri("sips", user, null, host, port, Parameters.empty(), Parameters.empty(), null);
    }

    /** Parses a URI; throws {@link IllegalArgumentException} when it is not one. */
    public static SipUri parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("not a URI (no scheme): \"" + text + "\"");
        String scheme = text.substring(0, colon);
        if (!Character.isLetter(scheme.charAt(0))) throw new IllegalArgumentException("bad URI scheme in \"" + text + "\"");
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '-' && c != '.')
                throw new IllegalArgumentException("bad URI scheme in \"" + text + "\"");
        }
        String rest = text.substring(colon + 1);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"') throw new IllegalArgumentException("bad character in URI \"" + text + "\"");
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "sip", "sips" -> parseSip(lower, rest, text);
            case "tel" -> parseTel(rest, text);
            default -> {
                if (rest.isEmpty()) throw new IllegalArgumentException("empty URI \"" + text + "\"");
                yield new SipUri(lower, null, null, null, -1, Parameters.empty(), Parameters.empty(), rest);
            }
        };
    }

    private static SipUri parseSip(String scheme, String rest, String text) {
        String user = null, password = null;
        // '@' inside URI headers is often left unescaped (Replaces=callid@host): prefer the last '@' before the '?'
        int firstQuestion = rest.indexOf('?');
        int at = firstQuestion >= 0 ? rest.lastIndexOf('@', firstQuestion) : -1;
        if (at < 0) at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            int colon = userinfo.indexOf(':');
            String rawUser = colon >= 0 ? userinfo.substring(0, colon) : userinfo;
            if (rawUser.isEmpty()) throw new IllegalArgumentException("empty user in \"" + text + "\"");
            user = Syntax.unescape(rawUser);
            if (colon >= 0) password = Syntax.unescape(userinfo.substring(colon + 1));
            rest = rest.substring(at + 1);
        }
        int i = 0;
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed IPv6 reference in \"" + text + "\"");
            host = rest.substring(0, close + 1);
            i = close + 1;
        } else {
            while (i < rest.length() && ":;?".indexOf(rest.charAt(i)) < 0) i++;
            host = rest.substring(0, i);
            for (int k = 0; k < host.length(); k++) {
                char c = host.charAt(k);
                if (!(c < 128 && Character.isLetterOrDigit(c)) && c != '-' && c != '.')
                    throw new IllegalArgumentException("bad host in \"" + text + "\"");
            }
        }
        if (host.isEmpty()) throw new IllegalArgumentException("no host in \"" + text + "\"");
        int port = -1;
        if (i < rest.length() && rest.charAt(i) == ':') {
            int start = ++i;
            while (i < rest.length() && Character.isDigit(rest.charAt(i))) i++;
            if (start == i || i - start > 5) throw new IllegalArgumentException("bad port in \"" + text + "\"");
            port = Integer.parseInt(rest.substring(start, i));
            if (port > 65535) throw new IllegalArgumentException("bad port in \"" + text + "\"");
        }
        Parameters params = Parameters.empty();
        Parameters headers = Parameters.empty();
        int question = rest.indexOf('?', i);
        String paramText = question >= 0 ? rest.substring(i, question) : rest.substring(i);
        if (!paramText.isEmpty()) {
            if (paramText.charAt(0) != ';') throw new IllegalArgumentException("unexpected text after host in \"" + text + "\"");
            params = uriParams(paramText, text);
        }
        if (question >= 0) headers = uriHeaders(rest.substring(question + 1), text);
        return new SipUri(scheme, user, password, host, port, params, headers, null);
    }

    private static SipUri parseTel(String rest, String text) {
        int semi = rest.indexOf(';');
        String number = semi >= 0 ? rest.substring(0, semi) : rest;
        if (number.isEmpty()) throw new IllegalArgumentException("empty tel number in \"" + text + "\"");
        Parameters params = semi >= 0 ? uriParams(rest.substring(semi), text) : Parameters.empty();
        return new SipUri("tel", Syntax.unescape(number), null, null, -1, params, Parameters.empty(), null);
    }

    private static Parameters uriParams(String text, String whole) {
        Parameters.Builder b = Parameters.builder();
        for (String part : text.substring(1).split(";", -1)) {
            if (part.isEmpty()) throw new IllegalArgumentException("empty URI parameter in \"" + whole + "\"");
            int eq = part.indexOf('=');
            String name = eq >= 0 ? part.substring(0, eq) : part;
            if (name.isEmpty()) throw new IllegalArgumentException("empty URI parameter name in \"" + whole + "\"");
            b.add(name, eq >= 0 ? part.substring(eq + 1) : null);
        }
        return b.build();
    }

    private static Parameters uriHeaders(String text, String whole) {
        Parameters.Builder b = Parameters.builder();
        for (String part : text.split("&", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("bad URI header in \"" + whole + "\"");
            b.add(part.substring(0, eq), part.substring(eq + 1));
        }
        return b.build();
    }

    /** Lower case: {@code sip}, {@code sips}, {@code tel} or another scheme. */
    public String scheme() { return scheme; }

    /** Unescaped user part (the number for {@code tel:}), or null. */
    public String user() { return user; }

    /** Unescaped password, or null. */
    public String password() { return password; }

    /** Host as written ({@code [2001:db8::1]} keeps its brackets), or null for tel and opaque URIs. */
    public String host() { return host; }

    /** Port, or -1 when absent. */
    public int port() { return port; }

    public Parameters params() { return params; }

    /** URI headers ({@code ?Replaces=...}), values escaped as written; see {@link #header}. */
    public Parameters headers() { return headers; }

    /** An unescaped URI header value. */
    public Optional<String> header(String name) {
        return headers.get(name).map(Syntax::unescape);
    }

    public Optional<String> param(String name) { return params.get(name); }

    public boolean hasParam(String name) { return params.has(name); }

    /** The {@code transport} parameter in lower case, if any. */
    public Optional<String> transportParam() {
        return params.get("transport").map(t -> t.toLowerCase(Locale.ROOT));
    }

    public boolean isSip() { return scheme.equals("sip") || scheme.equals("sips"); }

    public boolean isSecure() { return scheme.equals("sips"); }

    public boolean isTel() { return scheme.equals("tel"); }

    /** Text after {@code scheme:} for schemes other than sip, sips and tel; null otherwise. */
    public String opaque() { return opaque; }

    public SipUri withUser(String newUser) {
        return new SipUri(scheme, newUser, newUser == null ? null : password, host, port, params, headers, opaque);
    }

    public SipUri withHost(String newHost) {
        return new SipUri(scheme, user, password, newHost, port, params, headers, opaque);
    }

    public SipUri withPort(int newPort) {
        return new SipUri(scheme, user, password, host, newPort, params, headers, opaque);
    }

    public SipUri withScheme(String newScheme) {
        return new SipUri(newScheme.toLowerCase(Locale.ROOT), user, password, host, port, params, headers, opaque);
    }

    /** Sets a parameter; {@code value} null makes a flag such as {@code ;lr}. */
    public SipUri withParam(String name, String value) {
        return new SipUri(scheme, user, password, host, port, params.with(name, value), headers, opaque);
    }

    public SipUri withoutParam(String name) {
        return new SipUri(scheme, user, password, host, port, params.without(name), headers, opaque);
    }

    /** Sets a URI header; {@code value} is given unescaped. */
    public SipUri withHeader(String name, String value) {
        return new SipUri(scheme, user, password, host, port, params, headers.with(name, Syntax.escape(value, "[]/?:+$")), opaque);
    }

    public SipUri withoutHeaders() {
        return new SipUri(scheme, user, password, host, port, params, Parameters.empty(), opaque);
    }

    /** {@code user@host} (or host), the key under which bindings of an address of record are compared. */
    public String addressOfRecord() {
        return (user == null ? "" : user + "@") + (host == null ? "" : host.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(48).append(scheme).append(':');
        if (opaque != null) return b.append(opaque).toString();
        if (isTel()) {
            b.append(Syntax.escape(user, "+-.()#*;=&$,/?:@"));
            params.appendTo(b);
            return b.toString();
        }
        if (user != null) {
            b.append(Syntax.escape(user, "&=+$,;?/"));
            if (password != null) b.append(':').append(Syntax.escape(password, "&=+$,"));
            b.append('@');
        }
        b.append(host);
        if (port >= 0) b.append(':').append(port);
        params.appendTo(b);
        if (!headers.isEmpty()) {
            char sep = '?';
            for (Parameters.Parameter h : headers.asList()) {
                b.append(sep).append(h.name()).append('=').append(h.value());
                sep = '&';
            }
        }
        return b.toString();
    }

    /** RFC 3261 §19.1.4 comparison. */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof SipUri u) || !scheme.equals(u.scheme)) return false;
        if (opaque != null || u.opaque != null) return java.util.Objects.equals(opaque, u.opaque);
        if (!java.util.Objects.equals(user, u.user) || !java.util.Objects.equals(password, u.password)) return false;
        if (host == null ? u.host != null : !host.equalsIgnoreCase(u.host)) return false;
        if (port != u.port) return false;
        for (Parameters.Parameter p : params.asList()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            if (u.params.has(name)) {
                if (!equalsIgnoreCase(p.value(), u.params.get(name).orElse(null))) return false;
            } else if (ALWAYS_COMPARED.contains(name)) {
                return false;
            }
        }
        for (Parameters.Parameter p : u.params.asList()) {
            if (ALWAYS_COMPARED.contains(p.name().toLowerCase(Locale.ROOT)) && !params.has(p.name())) return false;
        }
        if (headers.asList().size() != u.headers.asList().size()) return false;
        for (Parameters.Parameter h : headers.asList()) {
            Optional<String> other = u.header(h.name());
            if (other.isEmpty() || !other.get().equals(Syntax.unescape(h.value()))) return false;
        }
        return true;
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : b != null && Syntax.unescape(a).equalsIgnoreCase(Syntax.unescape(b));
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scheme, user, host == null ? null : host.toLowerCase(Locale.ROOT), port, opaque);
    }
}
