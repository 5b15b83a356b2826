package dev.switchboard.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed WWW-Authenticate, Proxy-Authenticate, Authorization or Proxy-Authorization value: the scheme and its
 * comma-separated {@code name=value} parameters, quotes removed.
 */
public record AuthHeader(String scheme, Map<String, String> params) {

    public static AuthHeader parse(String text) {
        String t = text.trim();
        int space = 0;
        while (space < t.length() && !Character.isWhitespace(t.charAt(space))) space++;
        String scheme = t.substring(0, space);
        if (scheme.isEmpty()) throw new IllegalArgumentException("no auth scheme");
        Map<String, String> params = new LinkedHashMap<>();
        int i = space;
        while (i < t.length()) {
            while (i < t.length() && (Character.isWhitespace(t.charAt(i)) || t.charAt(i) == ',')) i++;
            if (i >= t.length()) break;
            int eq = t.indexOf('=', i);
            if (eq < 0) throw new IllegalArgumentException("auth parameter without value in \"" + text + "\"");
            String name = t.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++;
            StringBuilder value = new StringBuilder();
            if (i < t.length() && t.charAt(i) == '"') {
                i++;
                while (i < t.length() && t.charAt(i) != '"') {
                    if (t.charAt(i) == '\\' && i + 1 < t.length()) i++;
                    value.append(t.charAt(i++));
                }
                if (i >= t.length()) throw new IllegalArgumentException("unterminated quoted auth parameter in \"" + text + "\"");
                i++;
            } else {
                while (i < t.length() && t.charAt(i) != ',' && !Character.isWhitespace(t.charAt(i))) value.append(t.charAt(i++));
            }
            params.put(name, value.toString());
        }
        return new AuthHeader(scheme, params);
    }

    public boolean isDigest() {
        return scheme.equalsIgnoreCase("Digest");
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
