package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class PcrePatternTest {
    @Test
    void pythonStyleNamedGroupsKeepTheirNamesEvenWithUnderscores() {
        PcrePattern pattern = PcrePattern.compile("^\\*(?P<feature_code>[0-9]{2})(?P<number>[0-9]+)$");

        assertThat(groups(pattern, "*72100")).containsExactly(Map.entry("feature_code", "72"), Map.entry("number", "100"));
    }

    @Test
    void perlStyleNamedGroups() {
        assertThat(groups(PcrePattern.compile("^(?<ext>[0-9]{3})(?'rest'.*)$"), "1234"))
                .containsExactly(Map.entry("ext", "123"), Map.entry("rest", "4"));
    }

    @Test
    void emptyCapturesAreOmitted() {
        assertThat(groups(PcrePattern.compile("^(?P<prefix>[0-9]*)\\*(?P<code>[0-9]+)$"), "*97"))
                .containsExactly(Map.entry("code", "97"));
    }

    @Test
    void namedBackreferencesFollowTheRenaming() {
        assertThat(PcrePattern.compile("^(?P<d_1>[0-9])(?P=d_1)$").matcher("77").matches()).isTrue();
        assertThat(PcrePattern.compile("^(?<d_1>[0-9])\\k<d_1>$").matcher("78").matches()).isFalse();
        assertThat(PcrePattern.compile("^(?<d_1>[0-9])\\g{d_1}$").matcher("55").matches()).isTrue();
    }

    @Test
    void lookbehindIsNotANamedGroup() {
        assertThat(PcrePattern.compile("(?<=\\+1)[0-9]{10}").matcher("+14158867900").find()).isTrue();
        assertThat(PcrePattern.compile("(?<!\\+)1000").matcher("+1000").find()).isFalse();
    }

    @Test
    void posixClasses() {
        PcrePattern digits = PcrePattern.compile("^[[:digit:]]+$");
        PcrePattern notDigits = PcrePattern.compile("^[[:^digit:]]+$");

        assertThat(digits.matcher("123").matches()).isTrue();
        assertThat(digits.matcher("12a").matches()).isFalse();
        assertThat(notDigits.matcher("abc").matches()).isTrue();
    }

    @Test
    void bracketsAndAmpersandsInsideAClassAreLiterals() {
        assertThat(PcrePattern.compile("^[]a]+$").matcher("]a]").matches()).isTrue();
        assertThat(PcrePattern.compile("^[a[]$").matcher("[").matches()).isTrue();
        assertThat(PcrePattern.compile("^[a&&b]$").matcher("&").matches()).isTrue();
    }

    @Test
    void quotedTextIsLeftAlone() {
        assertThat(PcrePattern.compile("^\\Q(?P<x>\\E$").matcher("(?P<x>").matches()).isTrue();
    }

    @Test
    void whatJavaCannotRunIsInvalid() {
        assertThat(PcrePattern.isValid("^([0-9]{3,4}$")).isFalse();
        assertThat(PcrePattern.isValid("[0-9")).isFalse();
        assertThat(PcrePattern.isValid("^(a|(?R))$")).isFalse();
        assertThat(PcrePattern.isValid("^(?P=missing)$")).isFalse();
        assertThatThrownBy(() -> PcrePattern.compile("(")).isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void keepsTheAuthorsText() {
        assertThat(PcrePattern.compile("^(?P<n>1)$").source()).isEqualTo("^(?P<n>1)$");
    }

    private static Map<String, String> groups(PcrePattern pattern, String input) {
        Matcher matcher = pattern.matcher(input);
        assertThat(matcher.matches()).isTrue();
        return pattern.namedGroups(matcher);
    }
}
