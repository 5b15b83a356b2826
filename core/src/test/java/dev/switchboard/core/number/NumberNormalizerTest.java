package dev.switchboard.core.number;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberNormalizerTest {
    @ParameterizedTest
    @CsvSource({
            "4123456789, +14123456789",
            "14123456789, +14123456789",
            "+14123456789, +14123456789",
            "41234567, +41234567",
            "01144123456789, +44123456789",
            "0044123456789, +44123456789",
            "1000, 1000",
            "*97, *97",
            "no_match, no_match",
            "0123456, 0123456"})
    void normalisesAsKazooDefaults(String in, String out) {
        assertThat(NumberNormalizer.normalize(in)).isEqualTo(out);
    }
}
