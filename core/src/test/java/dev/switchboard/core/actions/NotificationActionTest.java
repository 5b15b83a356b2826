package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class NotificationActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String notify(String data) {
        return """
                {"module":"notification","data":%s,"children":{"_":{"module":"play","data":{"id":"next"}}}}
                """.formatted(data);
    }

    @BeforeEach
    void users() {
        docs.add("user", "u1", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"email\":\"ann@acme.example\"}");
    }

    @Test
    void sendsWhenTheCallEndsByDefault() {
        LiveSim call = LiveSim.in(docs).flow(notify("""
                {"template_id":"vip_call","recipients":[{"type":"user","id":"u1"}],"comments":"A VIP called"}
                """));
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("notification→_", "play→null");
        assertThat(Sim.events(r)).containsSubsequence("notification:armed", "play:media:next", "hangup:NORMAL_CLEARING",
                "email:ann@acme.example");
        assertThat(call.emails().getFirst().template()).isEqualTo("notification");
        assertThat(call.emails().getFirst().values()).containsEntry("subject", "Call from Test Caller (+15555550100)")
                .containsEntry("comments", "A VIP called\n\n").containsEntry("caller", "Test Caller (+15555550100)");
    }

    @Test
    void callflowExecSendsAtOnceWithTheTemplatesSubject() {
        docs.add("notification", "notification.vip_call", "{\"subject\":\"VIP on the line\"}");
        LiveSim call = LiveSim.in(docs).flow(notify("""
                {"template_id":"vip_call","send_at":"callflow_exec","recipients":[{"type":"email","id":"desk@acme.example"}],
                 "notification_media":["email","sms"]}
                """));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsSubsequence("email:desk@acme.example", "play:media:next");
        assertThat(call.emails().getFirst().values()).containsEntry("subject", "VIP on the line");
    }

    @Test
    void withoutATemplateOrAnEmailMediumOrAValidSendAtNothingIsSent() {
        for (String data : new String[] {
                "{\"recipients\":[{\"type\":\"user\",\"id\":\"u1\"}]}",
                "{\"template_id\":\"t\",\"notification_media\":[\"sms\"],\"recipients\":[{\"type\":\"user\",\"id\":\"u1\"}]}",
                "{\"template_id\":\"t\",\"send_at\":\"tomorrow\",\"recipients\":[{\"type\":\"user\",\"id\":\"u1\"}]}"}) {
            LiveSim call = LiveSim.in(docs).flow(notify(data));
            SimulationResult r = call.run();
            assertThat(Sim.path(r)).containsExactly("notification→_", "play→null");
            assertThat(call.emails()).isEmpty();
        }
        assertThat(Sim.events(Sim.in(docs).flow(notify("{\"recipients\":[]}")).run())).contains("notification:no_template");
    }

    @Test
    void withoutRecipientsNothingIsSent() {
        SimulationResult r = Sim.in(docs).flow(notify("{\"template_id\":\"t\",\"send_at\":\"callflow_exec\",\"recipients\":[]}")).run();
        assertThat(Sim.events(r)).contains("notification:no_recipients").noneMatch(e -> e.startsWith("email:"));
    }
}
