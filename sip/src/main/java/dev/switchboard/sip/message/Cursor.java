package dev.switchboard.sip.message;

/** A position in a header value, with the few moves the header grammars need; errors are {@link IllegalArgumentException}. */
final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    String rest() {
        return s.substring(pos);
    }

    void skipWhitespace() {
        while (pos < s.length() && Syntax.isWhitespace(s.charAt(pos))) pos++;
    }

    /** Consumes {@code c} (with whitespace around it) when it is next; says whether it was. */
    boolean accept(char c) {
        int save = pos;
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            skipWhitespace();
            return true;
        }
        pos = save;
        return false;
    }

    void expect(char c) {
        if (!accept(c)) throw fail("expected '" + c + "'");
    }

    String token() {
        int start = pos;
        while (pos < s.length() && Syntax.isTokenChar(s.charAt(pos))) pos++;
        if (start == pos) throw fail("expected a token");
        return s.substring(start, pos);
    }

    /** Reads until one of {@code stops} or whitespace; empty is an error. */
    String until(String stops) {
        int start = pos;
        while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0 && !Syntax.isWhitespace(s.charAt(pos))) pos++;
        if (start == pos) throw fail("expected a value");
        return s.substring(start, pos);
    }

    /** Reads a quoted string (cursor on the opening quote) and returns its content with escapes removed. */
    String quoted() {
        if (peek() != '"') throw fail("expected '\"'");
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') return b.toString();
            if (c == '\\') {
                if (pos >= s.length()) break;
                c = s.charAt(pos++);
            }
            b.append(c);
        }
        throw fail("unterminated quoted string");
    }

    /** Reads {@code *( SEMI generic-param )}: token names, values that are tokens, hosts or quoted strings. */
    Parameters parameters() {
        Parameters.Builder b = Parameters.builder();
        while (accept(';')) {
            String name = token();
            String value = null;
            if (accept('=')) value = peek() == '"' ? Syntax.quote(quoted()) : until(";,?>");
            b.add(name, value);
        }
        return b.build();
    }

    IllegalArgumentException fail(String why) {
        return new IllegalArgumentException(why + " at " + pos + " in \"" + s + "\"");
    }
}
