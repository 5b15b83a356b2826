package dev.switchboard.core.number;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberClassifierTest {

    @Test
    void classifiesWithKazoosDefaultClassesInOrder() {
        assertThat(NumberClassifier.classify("+18005551234")).isEqualTo("tollfree_us");
        assertThat(NumberClassifier.classify("+19005551234")).isEqualTo("toll_us");
        assertThat(NumberClassifier.classify("911")).isEqualTo("emergency");
        assertThat(NumberClassifier.classify("+18765551234")).isEqualTo("caribbean");
        assertThat(NumberClassifier.classify("+14155551234")).isEqualTo("did_us");
        assertThat(NumberClassifier.classify("+442071234567")).isEqualTo("international");
        assertThat(NumberClassifier.classify("2001")).isEqualTo("unknown");
        assertThat(NumberClassifier.classify(null)).isEqualTo("unknown");
    }
}
