package dev.switchboard.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.media.AudioSources;
import dev.switchboard.media.DtmfEvent;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.media.MediaSession;
import dev.switchboard.media.PlayOptions;
import dev.switchboard.media.PlayResult;
import dev.switchboard.media.ToneSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionDtmfTest {
    @TempDir
    Path cache;
    private MediaEngine engine;

    @BeforeEach
    void start() {
        engine = Engines.start(cache, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void keysTravelBothWaysAsTelephoneEvents() throws Exception {
        MediaSession a = engine.newSession("a");
        MediaSession b = engine.newSession("b");
        Engines.connect(a, b);
        List<DtmfEvent> atA = new CopyOnWriteArrayList<>();
        List<DtmfEvent> atB = new CopyOnWriteArrayList<>();
        a.onDtmf((s, e) -> atA.add(e));
        b.onDtmf((s, e) -> atB.add(e));

        a.sendDtmf("1234567890*#ABCD", Duration.ofMillis(80)).get(30, TimeUnit.SECONDS);
        b.sendDtmf("*9#", Duration.ofMillis(100)).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> atB.size() == 16 && atA.size() == 3);
        assertThat(keys(atB)).isEqualTo("1234567890*#ABCD");
        assertThat(keys(atA)).isEqualTo("*9#");
        assertThat(atB).allMatch(e -> e.origin() == DtmfEvent.Origin.RFC4733);
        assertThat(atA.getFirst().duration()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void withoutTelephoneEventsKeysTravelInBand() throws Exception {
        MediaSession a = engine.newSession("a");
        MediaSession b = engine.newSession("b");
        String offerWithoutEvents = a.offer().replace(" 101\r\n", "\r\n")
                .replaceAll("a=rtpmap:101[^\r]*\r\n", "").replaceAll("a=fmtp:101[^\r]*\r\n", "");
        String answer = b.answer(offerWithoutEvents);
        assertThat(answer).doesNotContain("telephone-event");
        a.acceptAnswer(answer);
        List<DtmfEvent> atB = new CopyOnWriteArrayList<>();
        b.onDtmf((s, e) -> atB.add(e));

        a.sendDtmf("159#", Duration.ofMillis(100)).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> atB.size() == 4);
        assertThat(keys(atB)).isEqualTo("159#");
        assertThat(atB).allMatch(e -> e.origin() == DtmfEvent.Origin.INBAND);
    }

    @Test
    void aStopKeyEndsThePlaybackAndSaysWhichKey() throws Exception {
        MediaSession a = engine.newSession("a");
        MediaSession b = engine.newSession("b");
        Engines.connect(a, b);
        var prompt = b.play(AudioSources.tone(ToneSpec.steady(Duration.ofSeconds(20), 400)),
                PlayOptions.stopOn("12"));
        a.sendDtmf("9", Duration.ofMillis(60)).get(30, TimeUnit.SECONDS);
        a.sendDtmf("2", Duration.ofMillis(60));
        PlayResult result = prompt.result().get(30, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(PlayResult.Outcome.KEY);
        assertThat(result.key()).contains('2');
        assertThat(result.played()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void sipInfoKeysAreInjectedLikeRtpOnes() throws Exception {
        MediaSession a = engine.newSession("a");
        List<DtmfEvent> heard = new CopyOnWriteArrayList<>();
        AutoCloseable registration = a.onDtmf((s, e) -> heard.add(e));
        var prompt = a.play(AudioSources.silence(Duration.ofSeconds(30)), PlayOptions.stopOn("#"));
        a.injectDtmf('5', Duration.ofMillis(160));
        a.injectDtmf('#', Duration.ofMillis(160));
        assertThat(prompt.result().get(30, TimeUnit.SECONDS).key()).contains('#');
        assertThat(keys(heard)).isEqualTo("5#");
        assertThat(heard.getFirst().origin()).isEqualTo(DtmfEvent.Origin.SIP_INFO);
        registration.close();
        a.injectDtmf('7', Duration.ofMillis(160));
        assertThat(keys(heard)).isEqualTo("5#");
    }

    private static String keys(List<DtmfEvent> events) {
        StringBuilder sb = new StringBuilder();
        events.forEach(e -> sb.append(e.key()));
        return sb.toString();
    }
}
