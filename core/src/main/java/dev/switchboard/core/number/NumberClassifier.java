package dev.switchboard.core.number;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The class of a number for call restrictions (spec §5.6), with KAZOO's default classifiers tested in order:
 * {@code tollfree_us}, {@code toll_us}, {@code emergency}, {@code caribbean}, {@code did_us}, {@code international},
 * and {@code unknown} for anything else. An account's {@code call_restriction.<class>.action} names these classes.
 */
public final class NumberClassifier {
    private record Classifier(String name, Pattern regex) {
    }

    private static final List<Classifier> DEFAULTS = List.of(
            new Classifier("tollfree_us", Pattern.compile("^\\+1((?:800|88\\d|877|866|855|844|833|822)\\d{7})$")),
            new Classifier("toll_us", Pattern.compile("^\\+1(900\\d{7})$")),
            new Classifier("emergency", Pattern.compile("^(911|922|933|833|811|711|999)$")),
            new Classifier("caribbean", Pattern.compile("^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849"
                    + "|473|671|876|664|670|787|939|869|758|784|721|868|649|340)\\d{7})$")),
            new Classifier("did_us", Pattern.compile("^(\\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$")),
            new Classifier("international", Pattern.compile("^\\+([2-9]\\d{7,})$")));

    private NumberClassifier() {
    }

    /** The first class whose pattern matches {@code number} (normalise it to E.164 first), else "unknown". */
    public static String classify(String number) {
        if (number != null) {
            for (Classifier c : DEFAULTS) {
                if (c.regex().matcher(number).matches()) {
                    return c.name();
                }
            }
        }
        return "unknown";
    }
}
