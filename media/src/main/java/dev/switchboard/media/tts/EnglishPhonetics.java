package dev.switchboard.media.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text to phonemes for English: a dictionary of the words prompts use most, then letter-to-sound rules (the longest
 * matching spelling first, a silent final e lengthening the vowel before it). Crude, but it makes prompts and numbers
 * come out as recognisable speech.
 */
final class EnglishPhonetics {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("the", "DH AX"), Map.entry("a", "AX"), Map.entry("to", "T UW"), Map.entry("you", "Y UW"),
            Map.entry("your", "Y AO R"), Map.entry("of", "AH V"), Map.entry("is", "IH Z"), Map.entry("are", "AA R"),
            Map.entry("one", "W AH N"), Map.entry("two", "T UW"), Map.entry("three", "TH R IY"),
            Map.entry("four", "F AO R"), Map.entry("five", "F AA IY V"), Map.entry("six", "S IH K S"),
            Map.entry("seven", "S EH V AX N"), Map.entry("eight", "EH IY T"), Map.entry("nine", "N AA IY N"),
            Map.entry("zero", "Z IH R OW"), Map.entry("ten", "T EH N"), Map.entry("eleven", "IH L EH V AX N"),
            Map.entry("twelve", "T W EH L V"), Map.entry("twenty", "T W EH N T IY"),
            Map.entry("thirty", "TH ER T IY"), Map.entry("forty", "F AO R T IY"), Map.entry("fifty", "F IH F T IY"),
            Map.entry("hundred", "HH AH N D R AX D"), Map.entry("thousand", "TH AW Z AX N D"),
            Map.entry("million", "M IH L Y AX N"), Map.entry("billion", "B IH L Y AX N"),
            Map.entry("please", "P L IY Z"), Map.entry("press", "P R EH S"), Map.entry("enter", "EH N T ER"),
            Map.entry("pin", "P IH N"), Map.entry("pound", "P AW N D"), Map.entry("star", "S T AA R"),
            Map.entry("key", "K IY"), Map.entry("goodbye", "G UH D B AA IY"), Map.entry("message", "M EH S AX JH"),
            Map.entry("messages", "M EH S AX JH AX Z"), Map.entry("have", "HH AE V"), Map.entry("new", "N UW"),
            Map.entry("invalid", "IH N V AE L IH D"), Map.entry("entry", "EH N T R IY"),
            Map.entry("again", "AX G EH N"), Map.entry("try", "T R AA IY"), Map.entry("welcome", "W EH L K AX M"),
            Map.entry("number", "N AH M B ER"), Map.entry("mailbox", "M EH IY L B AA K S"),
            Map.entry("voicemail", "V OY S M EH IY L"), Map.entry("hello", "HH AX L OW"),
            Map.entry("thank", "TH AE NG K"), Map.entry("for", "F AO R"), Map.entry("and", "AE N D"),
            Map.entry("or", "AO R"), Map.entry("no", "N OW"), Map.entry("not", "N AA T"),
            Map.entry("followed", "F AA L OW D"), Map.entry("by", "B AA IY"), Map.entry("call", "K AO L"),
            Map.entry("what", "W AH T"), Map.entry("was", "W AA Z"), Map.entry("do", "D UW"),
            Map.entry("said", "S EH D"), Map.entry("there", "DH EH R"), Map.entry("this", "DH IH S"));

    /** Spelling patterns, longest first within each starting letter. */
    private static final String[][] RULES = {
            {"tion", "SH AX N"}, {"ough", "AO"}, {"ight", "AA IY T"}, {"augh", "AO"}, {"eigh", "EH IY"},
            {"ture", "CH ER"}, {"sion", "ZH AX N"}, {"ing", "IH NG"}, {"tch", "CH"}, {"dge", "JH"},
            {"th", "TH"}, {"sh", "SH"}, {"ch", "CH"}, {"ph", "F"}, {"wh", "W"}, {"ck", "K"}, {"ng", "NG"},
            {"qu", "K W"}, {"kn", "N"}, {"wr", "R"}, {"gh", ""},
            {"ee", "IY"}, {"ea", "IY"}, {"oo", "UW"}, {"ai", "EH IY"}, {"ay", "EH IY"}, {"oa", "OW"},
            {"ou", "AW"}, {"ow", "OW"}, {"oi", "OY"}, {"oy", "OY"}, {"au", "AO"}, {"aw", "AO"}, {"ie", "IY"},
            {"ei", "EH IY"}, {"ey", "IY"}, {"ew", "Y UW"}, {"er", "ER"}, {"ir", "ER"}, {"ur", "ER"},
            {"ar", "AA R"}, {"or", "AO R"}, {"ll", "L"}, {"ss", "S"}, {"tt", "T"}, {"pp", "P"}, {"nn", "N"},
            {"mm", "M"}, {"ff", "F"}, {"rr", "R"}, {"dd", "D"}, {"bb", "B"}, {"gg", "G"}, {"zz", "Z"},
            {"a", "AE"}, {"b", "B"}, {"c", "K"}, {"d", "D"}, {"e", "EH"}, {"f", "F"}, {"g", "G"}, {"h", "HH"},
            {"i", "IH"}, {"j", "JH"}, {"k", "K"}, {"l", "L"}, {"m", "M"}, {"n", "N"}, {"o", "AA"}, {"p", "P"},
            {"q", "K"}, {"r", "R"}, {"s", "S"}, {"t", "T"}, {"u", "AH"}, {"v", "V"}, {"w", "W"}, {"x", "K S"},
            {"y", "Y"}, {"z", "Z"}};

    private static final Map<Character, String> LONG_VOWELS = Map.of(
            'a', "EH IY", 'e', "IY", 'i', "AA IY", 'o', "OW", 'u', "Y UW");

    private static final String[] DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine"};

    private EnglishPhonetics() {
    }

    /** Phoneme names, with "_" for a pause between phrases. */
    static List<String> phonemes(String text) {
        List<String> out = new ArrayList<>();
        String normalised = text.toLowerCase(Locale.ROOT).replace("'", "");
        for (String token : normalised.split("(?=[.,;:!?])|(?<=[.,;:!?])|\\s+")) {
            if (token.isBlank()) {
                continue;
            }
            if (token.matches("[.,;:!?]")) {
                out.add("_");
                continue;
            }
            for (String word : spellDigits(token).split("\\s+")) {
                String clean = word.replaceAll("[^a-z]", "");
                if (!clean.isEmpty()) {
                    out.addAll(word(clean));
                }
            }
        }
        return expandDiphthongs(out);
    }

    private static String spellDigits(String token) {
        StringBuilder sb = new StringBuilder();
        for (char c : token.toCharArray()) {
            if (c >= '0' && c <= '9') {
                sb.append(' ').append(DIGITS[c - '0']).append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<String> word(String word) {
        String known = WORDS.get(word);
        if (known != null) {
            return List.of(known.split(" "));
        }
        if (word.length() == 1) {
            return letterName(word.charAt(0));
        }
        List<String> out = new ArrayList<>();
        boolean silentE = word.length() > 2 && word.endsWith("e") && !isVowel(word.charAt(word.length() - 2))
                && isVowel(word.charAt(word.length() - 3));
        String body = silentE ? word.substring(0, word.length() - 1) : word;
        int i = 0;
        while (i < body.length()) {
            if (silentE && i == body.length() - 2 && LONG_VOWELS.containsKey(body.charAt(i))) {
                addAll(out, LONG_VOWELS.get(body.charAt(i)));
                i++;
                continue;
            }
            if (body.charAt(i) == 'y' && i == body.length() - 1 && i > 0) {
                out.add("IY");
                i++;
                continue;
            }
            if (body.charAt(i) == 'c' && i + 1 < body.length() && "eiy".indexOf(body.charAt(i + 1)) >= 0) {
                out.add("S");
                i++;
                continue;
            }
            boolean matched = false;
            for (String[] rule : RULES) {
                if (body.startsWith(rule[0], i)) {
                    addAll(out, rule[1]);
                    i += rule[0].length();
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                i++;
            }
        }
        return out;
    }

    private static List<String> letterName(char c) {
        String name = switch (c) {
            case 'a' -> "EH IY";
            case 'b' -> "B IY";
            case 'c' -> "S IY";
            case 'd' -> "D IY";
            case 'e' -> "IY";
            case 'f' -> "EH F";
            case 'g' -> "JH IY";
            case 'h' -> "EH IY CH";
            case 'i' -> "AA IY";
            case 'j' -> "JH EH IY";
            case 'k' -> "K EH IY";
            case 'l' -> "EH L";
            case 'm' -> "EH M";
            case 'n' -> "EH N";
            case 'o' -> "OW";
            case 'p' -> "P IY";
            case 'q' -> "K Y UW";
            case 'r' -> "AA R";
            case 's' -> "EH S";
            case 't' -> "T IY";
            case 'u' -> "Y UW";
            case 'v' -> "V IY";
            case 'w' -> "D AH B AX L Y UW";
            case 'x' -> "EH K S";
            case 'y' -> "W AA IY";
            default -> "Z IY";
        };
        return List.of(name.split(" "));
    }

    /** OW, OY, AW and the affricates are spoken as two targets. */
    private static List<String> expandDiphthongs(List<String> phonemes) {
        List<String> out = new ArrayList<>();
        for (String p : phonemes) {
            switch (p) {
                case "OW" -> { out.add("AO"); out.add("UW"); }
                case "OY" -> { out.add("AO"); out.add("IY"); }
                case "AW" -> { out.add("AA"); out.add("UW"); }
                case "CH" -> { out.add("T"); out.add("SH"); }
                case "JH" -> { out.add("D"); out.add("ZH"); }
                default -> out.add(p);
            }
        }
        return out;
    }

    private static void addAll(List<String> out, String phonemes) {
        if (!phonemes.isEmpty()) {
            out.addAll(List.of(phonemes.split(" ")));
        }
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
