package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class SetCidActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void overridesTheCallerIdPresentedOnwards() {
        LiveSim call = LiveSim.in(docs).flow("""
                {"module":"set_cid","data":{"caller_id_number":"+15551112222","caller_id_name":"Main Line"}}
                """);
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsExactly("cid_rewrite:+15551112222:Main Line", "caller_id:+15551112222",
                "hangup:NORMAL_CLEARING");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15551112222", "Main Line"));
    }

    @Test
    void anEmptyValueRemovesTheEarlierOverrideOfThatPartOnly() {
        LiveSim call = LiveSim.in(docs).flow("""
                {"module":"set_cid","data":{"caller_id_number":"+15551112222","caller_id_name":"Main Line"},
                 "children":{"_":{"module":"set_cid","data":{"caller_id_name":"Main Line"}}}}
                """);
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsSubsequence("caller_id:+15551112222", "caller_id:+15555550100");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Main Line"));
    }

    @Test
    void theOverrideWinsOverPrefixesUntilRemoved() {
        LiveSim call = LiveSim.in(docs).flow("""
                {"module":"prepend_cid","data":{"caller_id_number_prefix":"9","caller_id_name_prefix":"VIP "},
                 "children":{"_":{"module":"set_cid","data":{"caller_id_number":"2000"},
                  "children":{"_":{"module":"set_cid","data":{}}}}}}
                """);
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsSubsequence("caller_id:9+15555550100", "caller_id:2000",
                "caller_id:9+15555550100");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("9+15555550100", "VIP Test Caller"));
    }
}
