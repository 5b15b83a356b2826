package dev.switchboard.sip.message;

import java.util.Optional;

/**
 * {@code name-addr} or {@code addr-spec} with header parameters, as in From, To, Contact, Route and Refer-To
 * (RFC 3261 §20.10). Immutable.
 *
 * @param displayName unquoted display name, or null
 * @param uri         the address
 * @param params      header parameters ({@code tag}, {@code expires}, {@code q}, …)
 */
public record NameAddress(String displayName, SipUri uri, Parameters params) {

    public NameAddress {
        java.util.Objects.requireNonNull(uri, "uri");
        java.util.Objects.requireNonNull(params, "params");
    }

    public static NameAddress of(SipUri uri) {
        return new NameAddress(null, uri, Parameters.empty());
    }

    public static NameAddress of(String displayName, SipUri uri) {
        return new NameAddress(displayName, uri, Parameters.empty());
    }

    /**
     * Parses one address. Without angle brackets the URI ends at the first {@code ;} or whitespace, and may then not
     * carry URI headers (RFC 3261 §20.10).
     */
    public static NameAddress parse(String text) {
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        String display = null;
        SipUri uri;
        if (c.peek() == '"') {
            display = c.quoted();
            c.skipWhitespace();
            if (c.peek() != '<') throw c.fail("expected '<' after display name");
            uri = bracketed(c);
        } else if (c.peek() == '<') {
            uri = bracketed(c);
        } else {
            String rest = c.rest();
            int lt = rest.indexOf('<');
            if (lt >= 0) {
                String name = rest.substring(0, lt).trim();
                for (String word : name.split("[ \t\r\n]+")) {
                    if (!Syntax.isToken(word)) throw c.fail("display name is not a token list: \"" + name + "\"");
                }
                display = name.replaceAll("[ \t\r\n]+", " ");
                Cursor after = new Cursor(rest.substring(lt));
                uri = bracketed(after);
                c = after;
            } else {
                String spec = c.until(";");
                uri = SipUri.parse(spec);
                if (uri.isSip() && (!uri.headers().isEmpty() || spec.indexOf(',') >= 0 || spec.indexOf('?') >= 0))
                    throw c.fail("a URI with headers, ',' or '?' must be enclosed in <>");
            }
        }
        Parameters params = c.parameters();
        c.skipWhitespace();
        if (!c.atEnd()) throw c.fail("unexpected text");
        return new NameAddress(display, uri, params);
    }

    private static SipUri bracketed(Cursor c) {
        c.expect('<');
        String inner = c.until(">");
        if (c.peek() != '>') throw c.fail("expected '>'");
        c.expect('>');
        return SipUri.parse(inner);
    }

    public Optional<String> tag() {
        return params.get("tag");
    }

    public Optional<String> param(String name) {
        return params.get(name);
    }

    public NameAddress withTag(String tag) {
        return withParam("tag", tag);
    }

    public NameAddress withParam(String name, String value) {
        return new NameAddress(displayName, uri, params.with(name, value));
    }

    public NameAddress withoutParam(String name) {
        return new NameAddress(displayName, uri, params.without(name));
    }

    public NameAddress withUri(SipUri newUri) {
        return new NameAddress(displayName, newUri, params);
    }

    /** Always in {@code name-addr} form, so URI parameters never read as header parameters. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(64);
        if (displayName != null && !displayName.isEmpty()) b.append(Syntax.quote(displayName)).append(' ');
        b.append('<').append(uri).append('>');
        params.appendTo(b);
        return b.toString();
    }
}
