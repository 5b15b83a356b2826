package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class PrependCidActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static String chain(String... datas) {
        String flow = "";
        for (int i = datas.length - 1; i >= 0; i--) {
            flow = "{\"module\":\"prepend_cid\",\"data\":" + datas[i] + (flow.isEmpty() ? "" : ",\"children\":{\"_\":" + flow + "}") + "}";
        }
        return flow;
    }

    @Test
    void prefixesTheCallerIdPresentedOnwards() {
        LiveSim call = LiveSim.in(docs).flow(chain("{\"caller_id_name_prefix\":\"Sales: \",\"caller_id_number_prefix\":\"1\"}"));
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("prepend_cid→null");
        assertThat(Sim.events(r)).contains("cid_prefix:1:Sales: ", "caller_id:1+15555550100");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("1+15555550100", "Sales: Test Caller"));
    }

    @Test
    void currentPutsANewPrefixInFrontOfTheExistingOne() {
        LiveSim call = LiveSim.in(docs).flow(chain("{\"caller_id_name_prefix\":\"Sales: \"}",
                "{\"caller_id_name_prefix\":\"VIP \",\"apply_to\":\"current\"}"));
        call.run();
        assertThat(call.presentedCallerId().name()).isEqualTo("VIP Sales: Test Caller");
    }

    @Test
    void runningTheSamePrefixAgainDoesNotPileItUp() {
        LiveSim call = LiveSim.in(docs).flow(chain("{\"caller_id_name_prefix\":\"VIP \"}",
                "{\"caller_id_name_prefix\":\"VIP \"}", "{\"caller_id_name_prefix\":\"VIP \"}"));
        call.run();
        assertThat(call.presentedCallerId().name()).isEqualTo("VIP Test Caller");
    }

    @Test
    void originalReplacesTheExistingPrefix() {
        LiveSim call = LiveSim.in(docs).flow(chain("{\"caller_id_name_prefix\":\"Sales: \",\"caller_id_number_prefix\":\"1\"}",
                "{\"caller_id_name_prefix\":\"Support: \",\"apply_to\":\"original\"}"));
        call.run();
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Support: Test Caller"));
    }

    @Test
    void resetRemovesBothPrefixes() {
        LiveSim call = LiveSim.in(docs).flow(chain("{\"caller_id_name_prefix\":\"Sales: \",\"caller_id_number_prefix\":\"1\"}",
                "{\"action\":\"reset\"}"));
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).containsSubsequence("caller_id:1+15555550100", "cid_prefix:reset",
                "caller_id:+15555550100");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Test Caller"));
    }
}
