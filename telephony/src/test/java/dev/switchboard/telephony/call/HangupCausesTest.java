package dev.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The causes the engine's bridge-failure keys name, from the SIP answers phones and carriers give. */
class HangupCausesTest {

    @Test
    void sipAnswersBecomeKazooCausesAndBack() {
        assertThat(HangupCauses.ofSipStatus(486)).isEqualTo("USER_BUSY");
        assertThat(HangupCauses.ofSipStatus(600)).isEqualTo("USER_BUSY");
        assertThat(HangupCauses.ofSipStatus(603)).isEqualTo("CALL_REJECTED");
        assertThat(HangupCauses.ofSipStatus(404)).isEqualTo("UNALLOCATED_NUMBER");
        assertThat(HangupCauses.ofSipStatus(480)).isEqualTo("NO_USER_RESPONSE");
        assertThat(HangupCauses.ofSipStatus(487)).isEqualTo("ORIGINATOR_CANCEL");
        assertThat(HangupCauses.ofSipStatus(503)).isEqualTo("NORMAL_TEMPORARY_FAILURE");
        assertThat(HangupCauses.ofSipStatus(599)).isEqualTo("NORMAL_TEMPORARY_FAILURE");
        assertThat(HangupCauses.sipStatusOf("USER_BUSY")).isEqualTo(486);
        assertThat(HangupCauses.sipStatusOf("NO_ANSWER")).isEqualTo(480);
        assertThat(HangupCauses.sipStatusOf("USER_NOT_REGISTERED")).isEqualTo(404);
        assertThat(HangupCauses.sipStatusOf("SOMETHING_ELSE")).isEqualTo(503);
    }
}
