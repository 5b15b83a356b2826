package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class CheckCidActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String check(String data, String children) {
        return "{\"module\":\"check_cid\",\"data\":" + data + ",\"children\":" + children + "}";
    }

    private static final String BOTH = """
            {"match":{"module":"play","data":{"id":"known"}},"nomatch":{"module":"play","data":{"id":"unknown"}},
             "_":{"module":"play","data":{"id":"default"}}}
            """;

    @Test
    void aMatchingNumberContinuesToMatch() {
        SimulationResult r = Sim.in(docs).flow(check("{\"regex\":\"^\\\\+1555\"}", BOTH)).run();
        assertThat(Sim.path(r)).containsExactly("check_cid→match", "play→null");
        assertThat(Sim.events(r)).contains("cid:match", "play:media:known");
    }

    @Test
    void anotherNumberContinuesToNomatch() {
        SimulationResult r = Sim.in(docs).from("+442071234567", "London").flow(check("{\"regex\":\"^\\\\+1555\"}", BOTH)).run();
        assertThat(Sim.path(r)).containsExactly("check_cid→nomatch", "play→null");
    }

    @Test
    void theDefaultRegexMatchesEveryNumber() {
        assertThat(Sim.path(Sim.in(docs).flow(check("{}", BOTH)).run())).containsExactly("check_cid→match", "play→null");
    }

    @Test
    void aMissingChildFallsBackToTheDefault() {
        SimulationResult r = Sim.in(docs).flow(check("{\"regex\":\"^9\"}",
                "{\"match\":{\"module\":\"play\",\"data\":{\"id\":\"known\"}},\"_\":{\"module\":\"play\",\"data\":{\"id\":\"default\"}}}")).run();
        assertThat(Sim.path(r)).containsExactly("check_cid→_", "play→null");
    }

    @Test
    void absoluteModeContinuesToTheChildNamedAfterTheNumber() {
        SimulationResult r = Sim.in(docs).flow(check("{\"use_absolute_mode\":true}", """
                {"+15555550100":{"module":"play","data":{"id":"boss"}},"match":{"module":"play","data":{"id":"known"}}}
                """)).run();
        assertThat(Sim.path(r)).containsExactly("check_cid→+15555550100", "play→null");
    }

    @Test
    void takingAMatchChildAppliesTheCallerIdAndOwnerGiven() {
        docs.add("user", "boss", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"floor\":\"top\"}");
        LiveSim call = LiveSim.in(docs).flow(check("""
                {"caller_id":{"external":{"name":"Head Office","number":"+15550001111"}},"user_id":"boss"}
                """, """
                {"match":{"module":"branch_variable","data":{"variable":"floor","scope":"user"},"children":{
                  "top":{"module":"play","data":{"id":"penthouse"}}}}}
                """));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("caller_id:+15550001111", "owner:boss", "play:media:penthouse");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15550001111", "Head Office"));
    }

    @Test
    void aPartialIdentityAppliesWhatIsGiven() {
        LiveSim call = LiveSim.in(docs).flow(check("{\"caller_id\":{\"external\":{\"name\":\"Reception\"}}}",
                "{\"match\":{\"module\":\"play\",\"data\":{\"id\":\"known\"}}}"));
        call.run();
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Reception"));
    }

    @Test
    void withoutTheMatchChildTheIdentityIsLeftAlone() {
        LiveSim call = LiveSim.in(docs).flow(check("{\"caller_id\":{\"external\":{\"name\":\"Reception\"}}}",
                "{\"_\":{\"module\":\"play\",\"data\":{\"id\":\"default\"}}}"));
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("check_cid→_", "play→null");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Test Caller"));
    }

    @Test
    void anInvalidRegexContinuesToTheDefault() {
        SimulationResult r = Sim.in(docs).flow(check("{\"regex\":\"([\"}", BOTH)).run();
        assertThat(Sim.path(r)).containsExactly("check_cid→_", "play→null");
        assertThat(Sim.events(r)).contains("cid:invalid_regex");
    }
}
