package dev.switchboard.core.number;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E.164 normalisation with KAZOO's default converters (spec §5.6): ten-digit NANP numbers get {@code +1},
 * {@code 011}/{@code 00} prefixes become {@code +}, eight or more digits starting 2–9 are taken as international.
 * Anything else (extensions, feature codes, {@code no_match}) is returned unchanged.
 */
public final class NumberNormalizer {
    private record Converter(Pattern regex, String prefix) {
    }

    private static final List<Converter> DEFAULTS = List.of(
            new Converter(Pattern.compile("^(\\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$"), "+1"),
            new Converter(Pattern.compile("^011(\\d{5,})$|^00(\\d{5,})$"), "+"),
            new Converter(Pattern.compile("^([2-9]\\d{7,})$"), "+"));

    private NumberNormalizer() {
    }

    public static String normalize(String number) {
        if (number == null || number.isEmpty() || number.startsWith("+")) {
            return number;
        }
        for (Converter c : DEFAULTS) {
            Matcher m = c.regex.matcher(number);
            if (m.matches()) {
                return c.prefix + lastCapture(m);
            }
        }
        return number;
    }

    private static String lastCapture(Matcher m) {
        for (int g = m.groupCount(); g >= 1; g--) {
            if (m.group(g) != null && !m.group(g).isEmpty()) {
                return m.group(g);
            }
        }
        return m.group();
    }
}
