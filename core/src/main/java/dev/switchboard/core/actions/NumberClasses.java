package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.core.number.NumberNormalizer;

/**
 * KAZOO's default number classifiers (spec §5.6), tested in order; the first that matches the E.164 form of a
 * number names its class, which call restrictions ({@code call_restriction.<class>.action}) refer to.
 */
final class NumberClasses {
    private static final Map<String, Pattern> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("tollfree_us", Pattern.compile("^\\+1((?:800|88\\d|877|866|855|844|833|822)\\d{7})$"));
        CLASSES.put("toll_us", Pattern.compile("^\\+1(900\\d{7})$"));
        CLASSES.put("emergency", Pattern.compile("^(911|922|933|833|811|711|999)$"));
        CLASSES.put("caribbean", Pattern.compile("^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849|473"
                + "|671|876|664|670|787|939|869|758|784|721|868|649|340)\\d{7})$"));
        CLASSES.put("did_us", Pattern.compile("^(\\+?1)?([2-9][0-9]{2}[2-9][0-9]{6})$"));
        CLASSES.put("international", Pattern.compile("^\\+([2-9]\\d{7,})$"));
    }

    private NumberClasses() {
    }

    static String classify(String number) {
        String e164 = NumberNormalizer.normalize(number);
        for (Map.Entry<String, Pattern> c : CLASSES.entrySet()) {
            if (c.getValue().matcher(e164).matches()) {
                return c.getKey();
            }
        }
        return "unknown";
    }
}
