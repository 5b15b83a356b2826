package dev.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    /** RFC 4733 §2.3: event (8 bits), E, R, volume (6 bits), duration (16 bits), network order. */
    @Test
    void payloadLayoutFollowsTheRfc() {
        assertThat(new TelephoneEvent(9, false, 7, 400).encode()).containsExactly(0x09, 0x07, 0x01, 0x90);
        assertThat(new TelephoneEvent(9, true, 7, 1600).encode()).containsExactly(0x09, 0x87, 0x06, 0x40);
        assertThat(new TelephoneEvent(11, true, 63, 0xFFFF).encode())
                .containsExactly(0x0B, 0xBF, 0xFF, 0xFF);
    }

    @Test
    void everyEventRoundTrips() {
        for (int event = 0; event <= 16; event++) {
            for (boolean end : new boolean[] {false, true}) {
                TelephoneEvent e = new TelephoneEvent(event, end, 10, 160 * event + 80);
                assertThat(TelephoneEvent.parse(e.encode(), 0, 4)).contains(e);
            }
        }
        assertThat(TelephoneEvent.parse(new byte[3], 0, 3)).isEmpty();
    }

    /** RFC 4733 §3.2 codes: 0-9, * = 10, # = 11, A-D = 12-15; 16 (flash) is no key. */
    @Test
    void keysMapToTheRfcEventCodes() {
        assertThat(TelephoneEvent.codeOf('0')).isZero();
        assertThat(TelephoneEvent.codeOf('9')).isEqualTo(9);
        assertThat(TelephoneEvent.codeOf('*')).isEqualTo(10);
        assertThat(TelephoneEvent.codeOf('#')).isEqualTo(11);
        assertThat(TelephoneEvent.codeOf('a')).isEqualTo(12);
        assertThat(TelephoneEvent.codeOf('D')).isEqualTo(15);
        assertThat(TelephoneEvent.codeOf('x')).isEqualTo(-1);
        assertThat(TelephoneEvent.keyOf(16)).isEmpty();
    }

    /**
     * The RFC's example of one key (§5, "DTMF digit 9" sent every 50 ms with a growing duration, then the final
     * packet three times): one key, reported once, with its duration.
     */
    @Test
    void oneKeyPerEventDespiteRetransmittedEndPackets() {
        List<String> heard = new ArrayList<>();
        TelephoneEventReceiver receiver = new TelephoneEventReceiver((k, d) -> heard.add(k + "/" + d.toMillis()));
        long ts = 1_000_000;
        for (int duration = 400; duration <= 1600; duration += 400) {
            receiver.receive(ts, new TelephoneEvent(9, false, 7, duration), 0);
        }
        for (int i = 0; i < 3; i++) {
            receiver.receive(ts, new TelephoneEvent(9, true, 7, 1600), 0);
        }
        receiver.receive(ts + 3200, new TelephoneEvent(1, false, 7, 160), 0);
        receiver.receive(ts + 3200, new TelephoneEvent(1, true, 7, 800), 0);
        receiver.receive(ts + 3200, new TelephoneEvent(1, true, 7, 800), 0);
        assertThat(heard).containsExactly("9/200", "1/100");
    }

    @Test
    void anEventWhoseEndPacketsWereLostIsStillReported() {
        List<Character> heard = new ArrayList<>();
        TelephoneEventReceiver receiver = new TelephoneEventReceiver((k, d) -> heard.add(k));
        receiver.receive(100, new TelephoneEvent(5, false, 7, 160), 0);
        receiver.receive(100, new TelephoneEvent(5, false, 7, 320), 0);
        receiver.receive(900, new TelephoneEvent(6, false, 7, 160), 0);
        assertThat(heard).containsExactly('5');
        receiver.expire(Duration.ofMillis(100).toNanos());
        assertThat(heard).containsExactly('5');
        receiver.expire(Duration.ofSeconds(1).toNanos());
        assertThat(heard).containsExactly('5', '6');
        receiver.receive(900, new TelephoneEvent(6, true, 7, 800), Duration.ofSeconds(1).toNanos());
        assertThat(heard).containsExactly('5', '6');
    }

    @Test
    void theSenderSendsGrowingDurationsThenThreeEndPackets() {
        DtmfSender sender = new DtmfSender();
        var done = sender.enqueue("7", Duration.ofMillis(100));
        List<DtmfSender.Step> steps = new ArrayList<>();
        short[] frame = new short[160];
        long ts = 5000;
        while (sender.busy()) {
            steps.add(sender.next(ts, true, frame));
            ts += 160;
        }
        assertThat(done).isCompleted();
        List<DtmfSender.Step> events = steps.stream().filter(s -> s.kind() == DtmfSender.Kind.EVENT).toList();
        assertThat(events).hasSize(5 + 3);
        assertThat(events.getFirst().marker()).isTrue();
        assertThat(events.stream().skip(1).noneMatch(DtmfSender.Step::marker)).isTrue();
        assertThat(events.stream().mapToLong(DtmfSender.Step::eventTimestamp).distinct()).containsExactly(5000L);
        List<TelephoneEvent> parsed = events.stream()
                .map(s -> TelephoneEvent.parse(s.payload(), 0, 4).orElseThrow()).toList();
        assertThat(parsed.stream().map(TelephoneEvent::duration).toList())
                .containsExactly(160, 320, 480, 640, 800, 800, 800, 800);
        assertThat(parsed.stream().map(TelephoneEvent::end).toList())
                .containsExactly(false, false, false, false, false, true, true, true);
        assertThat(parsed.stream().allMatch(e -> e.event() == 7)).isTrue();
    }

    @Test
    void withoutTelephoneEventsTheSenderWritesQ23Tones() {
        DtmfSender sender = new DtmfSender();
        sender.enqueue("5", Duration.ofMillis(60));
        short[] frame = new short[160];
        DtmfSender.Step step = sender.next(0, false, frame);
        assertThat(step.kind()).isEqualTo(DtmfSender.Kind.TONE);
        double p770 = Goertzel.power(frame, 0, 160, 770, 8000);
        double p1336 = Goertzel.power(frame, 0, 160, 1336, 8000);
        double p697 = Goertzel.power(frame, 0, 160, 697, 8000);
        assertThat(p770).isGreaterThan(10 * p697);
        assertThat(p1336).isGreaterThan(10 * p697);
    }

    @Test
    void theInbandDetectorHearsEachKeyOnce() {
        List<Character> heard = new ArrayList<>();
        InbandDtmfDetector detector = new InbandDtmfDetector((k, d) -> heard.add(k));
        DtmfSender sender = new DtmfSender();
        sender.enqueue("159*#0D", Duration.ofMillis(80));
        short[] frame = new short[160];
        java.util.Random noise = new java.util.Random(1);
        while (sender.busy()) {
            DtmfSender.Step step = sender.next(0, false, frame);
            if (step.kind() != DtmfSender.Kind.TONE) {
                java.util.Arrays.fill(frame, (short) 0);
            }
            for (int i = 0; i < frame.length; i++) {
                frame[i] += (short) (noise.nextGaussian() * 100);
            }
            detector.accept(frame);
        }
        detector.accept(new short[160]);
        assertThat(heard).containsExactly('1', '5', '9', '*', '#', '0', 'D');
    }

    @Test
    void speechLikeAudioIsNoKey() {
        List<Character> heard = new ArrayList<>();
        InbandDtmfDetector detector = new InbandDtmfDetector((k, d) -> heard.add(k));
        short[] speech = new dev.switchboard.media.tts.FormantTts()
                .synthesize("one two three four five six seven eight nine", "en-us", null);
        short[] frame = new short[160];
        for (int at = 0; at + 160 <= speech.length; at += 160) {
            System.arraycopy(speech, at, frame, 0, 160);
            detector.accept(frame);
        }
        assertThat(heard).isEmpty();
    }
}
