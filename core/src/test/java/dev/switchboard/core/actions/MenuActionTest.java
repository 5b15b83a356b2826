package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class MenuActionTest {
    private static final String ALL_CHILDREN = """
            "1":{"module":"play","data":{"id":"sales"}},
            "123":{"module":"play","data":{"id":"deep"}},
            "timeout":{"module":"play","data":{"id":"nobody"}},
            "max_retries":{"module":"play","data":{"id":"gaveup"}},
            "_":{"module":"play","data":{"id":"fallback"}}""";
    private static final String SILENT_THREE_TIMES = "[{\"wait_ms\": 60000}]";

    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private void menuDoc(String extra) {
        docs.add("menu", "main", """
                {"name":"Main","retries":3,"timeout":3000,"max_extension_length":4,"media":{"greeting":"greet1"}%s}
                """.formatted(extra.isEmpty() ? "" : "," + extra));
    }

    private static String menu(String children) {
        return "{\"module\":\"menu\",\"data\":{\"id\":\"main\"},\"children\":{" + children + "}}";
    }

    private SimulationResult call(String children, String caller) {
        return Sim.in(docs).flow(menu(children)).caller(caller).run();
    }

    @Test
    void theChildKeyedWithTheKeysPressedIsTaken() {
        menuDoc("");
        SimulationResult r = call(ALL_CHILDREN, "[{\"wait_ms\": 500}, {\"dtmf\": \"1\"}]");
        assertThat(Sim.path(r)).containsExactly("menu→1", "play→null");
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:greet1", "collect:1", "play:media:sales",
                "hangup:NORMAL_CLEARING");
        assertThat(r.steps().get(1).tMs()).isEqualTo(2500);
    }

    @Test
    void severalKeysMakeOneEntryAndTheTerminatorEndsIt() {
        menuDoc("");
        assertThat(Sim.path(call(ALL_CHILDREN, "[{\"dtmf\": \"123\"}]"))).startsWith("menu→123");
        assertThat(Sim.path(call(ALL_CHILDREN, "[{\"dtmf\": \"1#23\"}]"))).startsWith("menu→1");
    }

    @Test
    void aWrongEntryPlaysTheInvalidPromptAndAsksAgain() {
        menuDoc("");
        SimulationResult r = call(ALL_CHILDREN,
                "[{\"wait_ms\": 500}, {\"dtmf\": \"9\"}, {\"wait_ms\": 4400}, {\"dtmf\": \"1\"}]");
        assertThat(Sim.path(r)).containsExactly("menu→1", "play→null");
        assertThat(Sim.events(r)).startsWith("answer", "play:media:greet1", "collect:9", "menu:invalid:9",
                "play:prompt:menu-invalid_entry", "play:media:greet1", "collect:1", "play:media:sales");
    }

    @Test
    void silenceTakesTheTimeoutChild() {
        menuDoc("");
        SimulationResult r = call(ALL_CHILDREN, SILENT_THREE_TIMES);
        assertThat(Sim.path(r)).startsWith("menu→timeout");
        assertThat(r.steps().get(1).tMs()).isEqualTo(5000);
    }

    @Test
    void withoutATimeoutChildSilenceSpendsTheRetriesThenTakesMaxRetries() {
        menuDoc("");
        SimulationResult r = call("""
                "max_retries":{"module":"play","data":{"id":"gaveup"}},"_":{"module":"play","data":{"id":"fallback"}}
                """, SILENT_THREE_TIMES);
        assertThat(Sim.path(r)).containsExactly("menu→max_retries", "play→null");
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:greet1", "collect:", "play:media:greet1",
                "collect:", "play:media:greet1", "collect:", "menu:max_retries", "play:prompt:menu-exit",
                "play:media:gaveup", "hangup:NORMAL_CLEARING");
        assertThat(r.steps().get(1).tMs()).isEqualTo(3 * (2000 + 3000) + 2000);
    }

    @Test
    void wrongEntriesSpendTheRetriesToo() {
        menuDoc("\"retries\":2");
        SimulationResult r = call(ALL_CHILDREN, "[{\"dtmf\": \"7\"}, {\"wait_ms\": 5000}, {\"dtmf\": \"8\"}]");
        assertThat(Sim.path(r)).startsWith("menu→max_retries");
        assertThat(Sim.events(r)).contains("menu:invalid:7", "menu:invalid:8");
    }

    @Test
    void withoutMaxRetriesTheTransferPromptLeadsToTheDefaultChild() {
        menuDoc("");
        SimulationResult r = call("\"_\":{\"module\":\"play\",\"data\":{\"id\":\"fallback\"}}", SILENT_THREE_TIMES);
        assertThat(Sim.path(r)).containsExactly("menu→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("menu:max_retries", "play:prompt:menu-exit",
                "play:prompt:menu-transferring_call", "play:media:fallback");
    }

    @Test
    void withNowhereToGoItSaysGoodbye() {
        menuDoc("");
        SimulationResult r = call("\"1\":{\"module\":\"play\",\"data\":{\"id\":\"sales\"}}", SILENT_THREE_TIMES);
        assertThat(Sim.path(r)).containsExactly("menu→null");
        assertThat(Sim.events(r)).endsWith("menu:max_retries", "play:prompt:menu-exit", "play:prompt:vm-goodbye",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void theMenuChoosesItsOwnPromptsOrNone() {
        docs.add("menu", "main", """
                {"name":"Main","media":{"greeting":"greet1","invalid_media":false,"exit_media":"bye1",
                 "transfer_media":"http://media.example.com/t.wav"}}""");
        SimulationResult r = call("\"_\":{\"module\":\"play\",\"data\":{\"id\":\"fallback\"}}",
                "[{\"dtmf\": \"5\"}, {\"wait_ms\": 60000}]");
        assertThat(Sim.events(r)).contains("menu:invalid:5").doesNotContain("play:prompt:menu-invalid_entry");
        assertThat(Sim.events(r)).containsSubsequence("menu:max_retries", "play:media:bye1",
                "play:url:http://media.example.com/t.wav", "play:media:fallback");
    }

    @Test
    void huntingEntersTheCallflowOfTheNumberDialled() {
        menuDoc("\"hunt\":true");
        docs.add("callflow", "ext", "{\"numbers\":[\"2001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        SimulationResult r = call(ALL_CHILDREN, "[{\"dtmf\": \"2001\"}]");
        assertThat(Sim.path(r)).containsExactly("menu→null", "play→null", "play→null");
        assertThat(r.steps().get(1).path()).isEqualTo("callflow:ext/flow");
        assertThat(Sim.events(r)).containsSubsequence("collect:2001", "menu:hunt:2001",
                "play:prompt:menu-transferring_call", "play:media:ext", "play:media:fallback");
    }

    @Test
    void huntingIsOffUnlessTheMenuSaysSo() {
        menuDoc("");
        docs.add("callflow", "ext", "{\"numbers\":[\"2001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        SimulationResult r = call(ALL_CHILDREN, "[{\"dtmf\": \"2001\"}, {\"wait_ms\": 60000}]");
        assertThat(Sim.events(r)).contains("menu:invalid:2001").doesNotContain("play:media:ext");
    }

    @Test
    void huntAllowAndHuntDenyDecideWhichNumbersMayBeHunted() {
        docs.add("callflow", "ext", "{\"numbers\":[\"2001\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"ext\"}}}");
        List<String> refused = List.of("\"hunt_allow\":\"^3\"", "\"hunt_deny\":\"^20\"", "\"hunt_allow\":\"(\"",
                "\"hunt_deny\":\"(\"");
        for (String rule : refused) {
            menuDoc("\"hunt\":true," + rule);
            SimulationResult r = call(ALL_CHILDREN, "[{\"dtmf\": \"2001\"}, {\"wait_ms\": 60000}]");
            assertThat(Sim.events(r)).as(rule).contains("menu:invalid:2001").doesNotContain("menu:hunt:2001");
        }
        menuDoc("\"hunt\":true,\"hunt_allow\":\"^2\",\"hunt_deny\":\"^29\"");
        assertThat(Sim.events(call(ALL_CHILDREN, "[{\"dtmf\": \"2001\"}]"))).contains("menu:hunt:2001");
    }

    @Test
    void huntingNeverReachesTheNoMatchCallflow() {
        menuDoc("\"hunt\":true");
        docs.add("callflow", "out", """
                {"numbers":["no_match","7777"],"flow":{"module":"play","data":{"id":"outbound"}}}""");
        SimulationResult r = call(ALL_CHILDREN, "[{\"dtmf\": \"7777\"}, {\"wait_ms\": 60000}]");
        assertThat(Sim.events(r)).contains("menu:invalid:7777").doesNotContain("play:media:outbound");
    }

    @Test
    void aHuntedPatternCallflowGetsItsCaptureGroup() {
        menuDoc("\"hunt\":true");
        docs.add("callflow", "park", """
                {"patterns":["^\\\\*9(\\\\d+)$"],"flow":{"module":"play","data":{"id":"parked"}}}""");
        FlowRun.Result r = FlowRun.in(docs).flow(menu(ALL_CHILDREN)).caller("[{\"dtmf\": \"*912\"}]").run();
        assertThat(r.state().captureGroup()).isEqualTo("12");
        assertThat(r.events()).contains("menu:hunt:*912", "play:media:parked");
    }

    @Test
    void silenceIsHuntedAsTheNumberTimeoutWhenNoChildTakesIt() {
        menuDoc("\"hunt\":true");
        docs.add("callflow", "t", "{\"numbers\":[\"timeout\"],\"flow\":{\"module\":\"play\",\"data\":{\"id\":\"t\"}}}");
        SimulationResult r = call("\"_\":{\"module\":\"play\",\"data\":{\"id\":\"fallback\"}}", SILENT_THREE_TIMES);
        assertThat(Sim.events(r)).containsSubsequence("collect:", "menu:hunt:timeout", "play:media:t");
    }

    @Test
    void aMissingMenuRunsWithTheDefaults() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"menu","data":{"id":"nope"},"children":{"_":{"module":"play","data":{"id":"fallback"}}}}
                """).caller("[{\"wait_ms\": 100000}]").run();
        assertThat(Sim.events(r)).startsWith("menu:not_found:nope", "answer", "play:prompt:menu-no_prompt",
                "collect:");
        assertThat(Sim.events(r).stream().filter(e -> e.equals("play:prompt:menu-no_prompt")).count()).isEqualTo(3);
        assertThat(r.steps().get(1).tMs()).isEqualTo(3 * (2000 + 10_000) + 2000 + 2000);
    }

    @Test
    void theInterdigitTimeoutOfTheNodeAppliesWhenTheMenuHasNone() {
        menuDoc("");
        String flow = "{\"module\":\"menu\",\"data\":{\"id\":\"main\",\"interdigit_timeout\":500},\"children\":{"
                + ALL_CHILDREN + "}}";
        SimulationResult r = Sim.in(docs).flow(flow)
                .caller("[{\"dtmf\": \"1\"}, {\"wait_ms\": 900}, {\"dtmf\": \"23\"}]").run();
        assertThat(Sim.path(r)).startsWith("menu→1");
    }

    @Test
    void theRecordPinRecordsANewGreetingThatTheMenuThenPlays() {
        menuDoc("\"record_pin\":\"1234\"");
        FlowRun.Result r = FlowRun.in(docs).flow(menu("\"max_retries\":{\"module\":\"play\",\"data\":{\"id\":\"gaveup\"}}"))
                .caller("""
                        [{"wait_ms": 200}, {"dtmf": "1234"}, {"wait_ms": 5400}, {"dtmf": "#"},
                         {"wait_ms": 2400}, {"dtmf": "1"}]""").run();
        String greeting = docs.get("menu", "main").orElseThrow().body().path("media").path("greeting").asString();
        assertThat(greeting).isNotEqualTo("greet1");
        Document media = docs.get("media", greeting).orElseThrow();
        assertThat(media.body().path("name").asString()).isEqualTo("Main menu greeting");
        assertThat(media.body().path("source_type").asString()).isEqualTo("menu");
        assertThat(media.body().path("source_id").asString()).isEqualTo("main");
        assertThat(media.body().path("media_source").asString()).isEqualTo("recording");
        assertThat(docs.attachment(greeting, "audio")).isPresent();
        assertThat(r.events()).containsSubsequence("collect:1234", "menu:record_greeting",
                "play:prompt:vm-record_greeting", "record:3000", "play:prompt:vm-review_recording", "collect:1",
                "menu:greeting_saved:" + greeting, "play:prompt:vm-saved", "play:prompt:menu-return",
                "play:media:" + greeting, "collect:", "play:media:" + greeting, "collect:",
                "play:media:" + greeting, "collect:", "menu:max_retries");
    }

    @Test
    void aGreetingTooShortIsRecordedAgainAndSilenceDiscardsIt() {
        menuDoc("\"record_pin\":\"1234\"");
        FlowRun.Result r = FlowRun.in(docs).flow(menu("\"max_retries\":{\"module\":\"play\",\"data\":{\"id\":\"gaveup\"}}"))
                .caller("""
                        [{"wait_ms": 200}, {"dtmf": "1234"}, {"wait_ms": 3400}, {"dtmf": "#"},
                         {"wait_ms": 2400}, {"dtmf": "1"}, {"wait_ms": 7400}, {"dtmf": "#"}]""").run();
        assertThat(r.events()).containsSubsequence("record:1000", "collect:1", "play:prompt:vm-recording_to_short",
                "play:prompt:vm-record_greeting", "record:3000", "play:prompt:vm-review_recording", "collect:",
                "menu:greeting_discarded", "play:prompt:vm-deleted", "play:prompt:menu-return", "play:media:greet1");
        assertThat(docs.get("menu", "main").orElseThrow().body().path("media").path("greeting").asString())
                .isEqualTo("greet1");
    }

    @Test
    void theCallerCanListenToTheGreetingAndRecordItAgainBeforeKeepingIt() {
        menuDoc("\"record_pin\":\"1234\"");
        FlowRun.Result r = FlowRun.in(docs).flow(menu("\"max_retries\":{\"module\":\"play\",\"data\":{\"id\":\"gaveup\"}}"))
                .caller("""
                        [{"wait_ms": 200}, {"dtmf": "1234"}, {"wait_ms": 4400}, {"dtmf": "#"},
                         {"wait_ms": 2400}, {"dtmf": "2"}, {"wait_ms": 4400}, {"dtmf": "3"},
                         {"wait_ms": 4900}, {"dtmf": "#"}, {"wait_ms": 2400}, {"dtmf": "1"}]""").run();
        String greeting = docs.get("menu", "main").orElseThrow().body().path("media").path("greeting").asString();
        assertThat(r.events()).containsSubsequence("record:2000", "collect:2", "play:media:" + greeting, "collect:3",
                "play:prompt:vm-record_greeting", "record:2500", "collect:1", "menu:greeting_saved:" + greeting);
        assertThat(docs.ofType("media")).hasSize(1);
    }

    @Test
    void theRecordPinIsAnInvalidEntryFromOutsideUnlessAllowed() {
        menuDoc("\"record_pin\":\"1234\"");
        FlowRun.Result outside = FlowRun.in(docs).fromCarrier().flow(menu(ALL_CHILDREN))
                .caller("[{\"dtmf\": \"1234\"}, {\"wait_ms\": 60000}]").run();
        assertThat(outside.events()).contains("menu:invalid:1234").doesNotContain("menu:record_greeting");
    }

    @Test
    void aCallerWhoHangsUpWhileRecordingChangesNothing() {
        menuDoc("\"record_pin\":\"1234\",\"allow_record_from_offnet\":true");
        FlowRun.Result r = FlowRun.in(docs).fromCarrier().flow(menu(ALL_CHILDREN))
                .caller("[{\"dtmf\": \"1234\"}, {\"wait_ms\": 4000}, {\"hangup\": true}]").run();
        assertThat(r.events()).contains("menu:record_greeting");
        assertThat(r.trace().steps()).hasSize(1);
        assertThat(docs.ofType("media")).isEmpty();
        assertThat(docs.get("menu", "main").orElseThrow().body().path("media").path("greeting").asString())
                .isEqualTo("greet1");
    }

    @Test
    void aCallerWhoHangsUpInTheMenuEndsTheCall() {
        menuDoc("");
        SimulationResult r = call(ALL_CHILDREN, "[{\"wait_ms\": 2500}, {\"hangup\": true}]");
        assertThat(Sim.path(r)).containsExactly("menu→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
    }
}
