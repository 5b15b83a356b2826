package dev.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The type-ahead buffer behaves as the simulator's: terminators consume only themselves, the rest waits in order. */
class DigitBufferTest {

    @Test
    void aTerminatorPressedDuringAPlaybackIsTakenAndTheKeysAroundItStay() throws Exception {
        DigitBuffer keys = new DigitBuffer();
        keys.press('9');
        long mark = keys.mark();
        keys.press('1');
        keys.press('#');
        keys.press('2');

        assertThat(keys.takeTerminatorSince(mark, "#")).contains('#');
        assertThat(keys.takeTerminatorSince(mark, "9")).as("pressed before the playback began").isEmpty();
        assertThat(keys.next(Duration.ZERO)).contains('9');
        assertThat(keys.drain()).isEqualTo("12");
    }

    @Test
    void waitingForAKeyEndsWithTheKeyTheTimeoutOrTheHangup() throws Exception {
        DigitBuffer keys = new DigitBuffer();
        assertThat(keys.next(Duration.ofMillis(20))).isEmpty();
        long mark = keys.mark();
        Thread presser = Thread.ofVirtual().start(() -> keys.press('a'));
        assertThat(keys.awaitSince(mark, Duration.ofSeconds(10))).isTrue();
        presser.join();
        assertThat(keys.next(Duration.ofSeconds(10))).as("keys are upper-cased").isEqualTo(Optional.of('A'));
        keys.close();
        assertThat(keys.next(Duration.ofSeconds(10))).as("a closed buffer does not wait").isEmpty();
        assertThat(keys.awaitSince(keys.mark(), Duration.ofSeconds(10))).isFalse();
    }
}
