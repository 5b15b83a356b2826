package dev.switchboard.core.routing;

/**
 * The text every match of a pattern must start with: the literal characters right after a leading {@code ^}
 * (e.g. {@code "*74"} for {@code ^\*74([0-9]+)$}). Empty when there is no such guarantee: no leading anchor, an
 * alternation or inline flag anywhere, or a first character that is already special.
 */
final class LiteralPrefix {
    private static final String SPECIAL = ".[]()|$^";
    private static final String OPTIONAL = "*?{";

    private LiteralPrefix() {
    }

    static String of(String pattern) {
        if (!pattern.startsWith("^") || pattern.contains("|") || pattern.contains("(?")) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        int i = 1;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            char literal;
            int next;
            if (c == '\\') {
                if (i + 1 >= pattern.length() || Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                    break;
                }
                literal = pattern.charAt(i + 1);
                next = i + 2;
            } else if (SPECIAL.indexOf(c) >= 0 || OPTIONAL.indexOf(c) >= 0 || c == '+') {
                break;
            } else {
                literal = c;
                next = i + 1;
            }
            if (next < pattern.length() && OPTIONAL.indexOf(pattern.charAt(next)) >= 0) {
                break;
            }
            prefix.append(literal);
            if (next < pattern.length() && pattern.charAt(next) == '+') {
                break;
            }
            i = next;
        }
        return prefix.toString();
    }
}
