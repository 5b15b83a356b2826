package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class AudioMacroActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private SimulationResult macro(String data, String caller) {
        return Sim.in(docs).flow("{\"module\":\"audio_macro\",\"data\":" + data
                + ",\"children\":{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"next\",\"answer\":false}}}}")
                .caller(caller).run();
    }

    @Test
    void playsEveryKindOfItemInOrderAsEarlyMedia() {
        SimulationResult r = macro("""
                {"macros":[{"macro":"play","id":"m1"},{"macro":"prompt","id":"vm-enter_pin"},
                 {"macro":"say","text":"123","type":"number"},{"macro":"tts","text":"Hello","voice":"male"},
                 {"macro":"tone","frequencies":[440,480],"duration_on":500,"duration_off":500,"repeat":2}]}
                """, "[]");
        assertThat(Sim.events(r)).startsWith("early_media", "play:media:m1", "play:prompt:vm-enter_pin",
                "say:number:123", "play:tts:Hello", "play:tone:[440,480]", "play:media:next");
        assertThat(Sim.path(r)).containsExactly("audio_macro→_", "play→null");
        assertThat(r.steps().get(1).tMs()).isEqualTo(2000 + 2000 + 1200 + 1000 + 2000);
    }

    @Test
    void aTerminatorSkipsTheRest() {
        SimulationResult r = macro("""
                {"macros":[{"macro":"play","id":"m1","terminators":["#"]},{"macro":"play","id":"m2"}]}
                """, "[{\"wait_ms\": 500}, {\"dtmf\": \"1#\"}]");
        assertThat(Sim.events(r)).startsWith("early_media", "play:media:m1", "dtmf:#", "play:media:next");
        assertThat(Sim.events(r)).doesNotContain("play:media:m2");
    }

    @Test
    void theMacroTerminatorsApplyToItemsWithoutTheirOwnAndAnyKeyStopsByDefault() {
        SimulationResult own = macro("""
                {"terminators":["*"],"macros":[{"macro":"prompt","id":"p1"},{"macro":"prompt","id":"p2"}]}
                """, "[{\"wait_ms\": 500}, {\"dtmf\": \"5*\"}]");
        assertThat(Sim.events(own)).contains("dtmf:*").doesNotContain("play:prompt:p2");
        SimulationResult any = macro("""
                {"macros":[{"macro":"prompt","id":"p1"},{"macro":"prompt","id":"p2"}]}
                """, "[{\"wait_ms\": 500}, {\"dtmf\": \"5\"}]");
        assertThat(Sim.events(any)).contains("dtmf:5").doesNotContain("play:prompt:p2");
    }

    @Test
    void itemsWithNothingToPlayAreLeftOut() {
        SimulationResult r = macro("""
                {"macros":[{"macro":"play","id":""},{"macro":"tts"},{"macro":"say"},{"macro":"tone","frequencies":[]},
                 {"macro":"video","id":"x"},{"macro":"prompt","id":"p1"}]}
                """, "[]");
        assertThat(Sim.events(r)).startsWith("early_media", "audio_macro:skipped:play", "audio_macro:skipped:tts",
                "audio_macro:skipped:say", "audio_macro:skipped:tone", "audio_macro:skipped:video",
                "play:prompt:p1");
    }

    @Test
    void noItemsContinueWithoutTouchingTheCall() {
        SimulationResult r = macro("{\"macros\":[]}", "[]");
        assertThat(Sim.events(r)).startsWith("play:media:next");
        assertThat(Sim.path(r)).containsExactly("audio_macro→_", "play→null");
    }

    @Test
    void anAnsweredCallHearsItWithoutEarlyMedia() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"answer","data":{},"children":{"_":{"module":"audio_macro","data":{"macros":[{"macro":"prompt","id":"p1"}]}}}}
                """).run();
        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:p1", "hangup:NORMAL_CLEARING");
    }

    @Test
    void sayTypesAreSpokenAsDatesDigitsLettersOrQuantities() {
        long now = Instant.parse("2026-11-25T15:00:00Z").getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
        SimulationResult r = macro("""
                {"macros":[{"macro":"say","text":"x","type":"current_date"},
                 {"macro":"say","text":"1000","type":"telephone_extension"},
                 {"macro":"say","text":"42","type":"number","method":"iterated"},
                 {"macro":"say","text":"3","type":"messages"},
                 {"macro":"say","text":"bob"}]}
                """, "[]");
        assertThat(Sim.events(r)).startsWith("early_media", "say:date:" + now + "@America/New_York", "say:digits:1000", "say:digits:42",
                "say:number:3", "say:letters:bob");
    }

    @Test
    void aCallerWhoHangsUpEndsTheFlow() {
        SimulationResult r = macro("{\"macros\":[{\"macro\":\"play\",\"id\":\"m1\"},{\"macro\":\"play\",\"id\":\"m2\"}]}",
                "[{\"wait_ms\": 1000}, {\"hangup\": true}]");
        assertThat(Sim.path(r)).containsExactly("audio_macro→null");
        assertThat(Sim.events(r)).doesNotContain("play:media:m2");
    }
}
