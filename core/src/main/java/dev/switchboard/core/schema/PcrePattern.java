package dev.switchboard.core.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A KAZOO callflow pattern (PCRE syntax) compiled with {@link java.util.regex}.
 *
 * <p>PCRE writes named groups {@code (?P<name>…)}, {@code (?<name>…)} or {@code (?'name'…)} and allows names such as
 * {@code caller_id} that Java rejects, so every named group is renamed ({@code g1}, {@code g2}, …) and
 * {@link #namedGroups(Matcher)} translates back to the author's names. Backreferences by name ({@code (?P=name)},
 * {@code \k<name>}, {@code \k'name'}, {@code \k{name}}, {@code \g{name}}) follow the renaming, and POSIX classes
 * such as {@code [[:digit:]]} become their Java equivalents. What Java cannot express (recursion, branch reset,
 * conditionals, numbered {@code \g} references) fails to compile and so counts as an invalid pattern.
 */
public final class PcrePattern {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("xdigit", "\\p{XDigit}"), Map.entry("word", "\\w"));

    private final String source;
    private final Pattern pattern;
    private final Map<String, String> javaNames;

    private PcrePattern(String source, Pattern pattern, Map<String, String> javaNames) {
        this.source = source;
        this.pattern = pattern;
        this.javaNames = javaNames;
    }

    /** @throws PatternSyntaxException when the pattern is not a regular expression Java can run */
    public static PcrePattern compile(String pcre) {
        Translation translation = new Translation(pcre);
        String java = translation.run();
        return new PcrePattern(pcre, Pattern.compile(java), Collections.unmodifiableMap(translation.javaNames));
    }

    public static boolean isValid(String pcre) {
        try {
            compile(pcre);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** The pattern as its author wrote it. */
    public String source() {
        return source;
    }

    /** The translated Java pattern; its group names are the generated ones. */
    public Pattern pattern() {
        return pattern;
    }

    public Matcher matcher(CharSequence input) {
        return pattern.matcher(input);
    }

    /** Named captures of a successful match under the author's names, in pattern order, empty captures omitted. */
    public Map<String, String> namedGroups(Matcher matcher) {
        Map<String, String> captures = new LinkedHashMap<>();
        javaNames.forEach((pcreName, javaName) -> {
            String value = matcher.group(javaName);
            if (value != null && !value.isEmpty()) {
                captures.put(pcreName, value);
            }
        });
        return captures;
    }

    @Override
    public String toString() {
        return source;
    }

    /** One left-to-right pass over the PCRE text, copying everything except the constructs Java spells differently. */
    private static final class Translation {
        private final String in;
        private final StringBuilder out = new StringBuilder();
        private final Map<String, String> javaNames = new LinkedHashMap<>();
        private int i;

        Translation(String in) {
            this.in = in;
        }

        String run() {
            while (i < in.length()) {
                char c = in.charAt(i);
                if (c == '\\') {
                    escape();
                } else if (c == '[') {
                    characterClass();
                } else if (c != '(' || !group()) {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private void escape() {
            if (in.startsWith("\\Q", i)) {
                int end = in.indexOf("\\E", i + 2);
                int stop = end < 0 ? in.length() : end + 2;
                out.append(in, i, stop);
                i = stop;
            } else if (!namedBackreference()) {
                out.append(in, i, Math.min(i + 2, in.length()));
                i += 2;
            }
        }

        private boolean namedBackreference() {
            for (String[] form : new String[][] {{"\\k<", ">"}, {"\\k'", "'"}, {"\\k{", "}"}, {"\\g{", "}"}}) {
                if (in.startsWith(form[0], i)) {
                    int end = in.indexOf(form[1], i + 3);
                    if (end > 0 && !isNumber(in.substring(i + 3, end))) {
                        out.append("\\k<").append(javaName(in.substring(i + 3, end))).append('>');
                        i = end + 1;
                        return true;
                    }
                }
            }
            return false;
        }

        /** Rewrites a named group opening or a {@code (?P=name)} backreference; false when {@code (} is plain. */
        private boolean group() {
            if (in.startsWith("(?<=", i) || in.startsWith("(?<!", i)) {
                return false;
            }
            for (String[] form : new String[][] {{"(?P<", ">"}, {"(?'", "'"}, {"(?<", ">"}}) {
                if (in.startsWith(form[0], i)) {
                    int start = i + form[0].length();
                    int end = in.indexOf(form[1], start);
                    if (end < 0) {
                        return false;
                    }
                    out.append("(?<").append(javaName(in.substring(start, end))).append('>');
                    i = end + 1;
                    return true;
                }
            }
            if (in.startsWith("(?P=", i)) {
                int end = in.indexOf(')', i);
                if (end > 0) {
                    out.append("\\k<").append(javaName(in.substring(i + 4, end))).append('>');
                    i = end + 1;
                    return true;
                }
            }
            return false;
        }

        /**
         * PCRE classes do not nest and treat a leading {@code ]} and any {@code [} or {@code &&} as literals;
         * Java nests them and reads {@code &&} as intersection, so those characters are escaped.
         */
        private void characterClass() {
            out.append('[');
            i++;
            if (i < in.length() && in.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (i < in.length() && in.charAt(i) == ']') {
                out.append("\\]");
                i++;
            }
            while (i < in.length() && in.charAt(i) != ']') {
                char c = in.charAt(i);
                if (c == '\\') {
                    out.append(in, i, Math.min(i + 2, in.length()));
                    i += 2;
                } else if (c == '[' && posixClass()) {
                    continue;
                } else {
                    out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
                    i++;
                }
            }
            if (i < in.length()) {
                out.append(']');
                i++;
            }
        }

        private boolean posixClass() {
            if (!in.startsWith("[:", i)) {
                return false;
            }
            int end = in.indexOf(":]", i + 2);
            if (end < 0) {
                return false;
            }
            String name = in.substring(i + 2, end);
            boolean negated = name.startsWith("^");
            String javaClass = POSIX_CLASSES.get(negated ? name.substring(1) : name);
            if (javaClass == null) {
                return false;
            }
            out.append(negated ? javaClass.replace("\\p", "\\P").replace("\\w", "\\W") : javaClass);
            i = end + 2;
            return true;
        }

        private String javaName(String pcreName) {
            return javaNames.computeIfAbsent(pcreName, n -> "g" + (javaNames.size() + 1));
        }

        private static boolean isNumber(String s) {
            return s.matches("[+-]?\\d+");
        }
    }
}
