package dev.switchboard.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralPrefixTest {
    @ParameterizedTest(name = "{0} starts with \"{1}\"")
    @CsvSource(delimiter = ';', value = {
            "^\\*74([0-9]+)$; *74",
            "^9123(\\d{4,})$; 9123",
            "^12?3; 1",
            "^12*3; 1",
            "^12{2}; 1",
            "^12+3; 12",
            "^\\+1(\\d{10})$; +1",
            "^\\d+$; ''",
            "^([0-9]{3,4})$; ''",
            "\\*98(\\d+); ''",
            "^1|^2; ''",
            "^(?i)ab; ''",
            "^ab.c; ab"})
    void takesOnlyWhatEveryMatchMustStartWith(String pattern, String prefix) {
        assertThat(LiteralPrefix.of(pattern)).isEqualTo(prefix);
    }
}
