package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.Notice;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;
import tools.jackson.databind.JsonNode;

class MissedCallAlertActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static final String ALERT = """
            {"module":"missed_call_alert","data":{"recipients":[
              {"type":"user","id":"u1"},{"type":"email","id":["support@test.com","john@doe.com"]}]},
             "children":{"_":%s}}
            """;

    @BeforeEach
    void users() {
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"email\":\"ann@acme.example\"}");
    }

    @Test
    void anUnansweredCallIsReportedWhenItEnds() {
        LiveSim call = LiveSim.in(docs).fromCarrier().flow(ALERT.formatted("{\"module\":\"play\",\"data\":{\"id\":\"closed\"}}"));
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("missed_call_alert→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("missed_call_alert:armed", "play:media:closed",
                "hangup:NORMAL_CLEARING", "email:ann@acme.example,support@test.com,john@doe.com");
        Notice email = call.emails().getFirst();
        assertThat(email.template()).isEqualTo("missed_call_alert");
        assertThat(email.values()).containsEntry("caller", "Test Caller (+15555550100)").containsEntry("to", "1000")
                .containsEntry("date", "2026-11-25 10:00:00 EST").containsEntry("call_answered", "no")
                .containsEntry("voicemail_left", "no").containsEntry("call_id", "call-under-test");
    }

    @Test
    void anAnsweredCallIsNotReported() {
        SimulationResult r = Sim.in(docs).fromCarrier()
                .http("http://pivot.example/dial", "<Response><Dial>+15551230000</Dial></Response>")
                .flow(ALERT.formatted("""
                        {"module":"pivot","data":{"voice_url":"http://pivot.example/dial","method":"post","req_format":"twiml"}}
                        """)).run();
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(Sim.events(r)).contains("missed_call_alert:not_missed").noneMatch(e -> e.startsWith("email:"));
    }

    @Test
    void aCallThatLeftAVoicemailIsNotReported() {
        Action voicemail = new Action() {
            @Override
            public String module() {
                return "test_voicemail";
            }

            @Override
            public Next execute(ActionContext ctx, JsonNode data) {
                ctx.state().outcome(new CallOutcome("voicemail", "NORMAL_CLEARING", null));
                return Next.STOP;
            }
        };
        LiveSim call = LiveSim.in(docs).action(voicemail).flow(ALERT.formatted("{\"module\":\"test_voicemail\",\"data\":{}}"));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("missed_call_alert:not_missed");
        assertThat(call.emails()).isEmpty();
    }

    @Test
    void callsFromTheAccountsOwnDevicesAreNotWatched() {
        docs.add("device", "d1", "{\"name\":\"desk\"}");
        LiveSim call = LiveSim.in(docs).fromDevice("d1").flow(ALERT.formatted("{\"module\":\"play\",\"data\":{\"id\":\"x\"}}"));
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("missed_call_alert→_", "play→null");
        assertThat(Sim.events(r)).contains("missed_call_alert:not_inbound");
        assertThat(call.emails()).isEmpty();
    }

    @Test
    void withoutAnAddressNothingIsSent() {
        docs.add("user", "u2", "{\"first_name\":\"No\",\"last_name\":\"Mail\"}");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"missed_call_alert","data":{"recipients":[{"type":"user","id":"u2"},{"type":"email","id":"not-an-address"}]}}
                """).run();
        assertThat(Sim.events(r)).contains("missed_call_alert:no_recipients").noneMatch(e -> e.startsWith("email:"));
    }
}
