package dev.switchboard.telephony.mwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 3842 §5.2 bodies, as phones parse them. */
class MessageSummaryTest {

    @Test
    void newMessagesMakeTheLampWaitSavedOnesAloneDoNot() {
        assertThat(new MessageSummary("sip:2000@acme.example", 2, 5).body()).isEqualTo(
                "Messages-Waiting: yes\r\nMessage-Account: sip:2000@acme.example\r\nVoice-Message: 2/5 (0/0)\r\n");
        assertThat(new MessageSummary("sip:2000@acme.example", 0, 5).body()).startsWith("Messages-Waiting: no\r\n")
                .contains("Voice-Message: 0/5 (0/0)");
    }

    @Test
    void withoutAMailboxTheAccountLineIsLeftOut() {
        assertThat(new MessageSummary(null, 0, 0).body()).isEqualTo("Messages-Waiting: no\r\nVoice-Message: 0/0 (0/0)\r\n");
    }

    @Test
    void countsAreNeverNegative() {
        assertThatThrownBy(() -> new MessageSummary(null, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
