package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class LookupcidnameActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private void entry(String list, String json) {
        docs.add("list_entry", null, json.replace("}", ",\"list_id\":\"" + list + "\"}"));
    }

    private String lookup(String... lists) {
        LiveSim call = LiveSim.in(docs).flow("""
                {"module":"lookupcidname","data":{"lists":["%s"]},"children":{"_":{"module":"play","data":{"id":"next"}}}}
                """.formatted(String.join("\",\"", lists)));
        SimulationResult r = call.run();
        assertThat(Sim.path(r)).containsExactly("lookupcidname→_", "play→null");
        return call.presentedCallerId().name();
    }

    @Test
    void theLongestPrefixOfTheFirstListWithOneNamesTheCaller() {
        entry("a", "{\"prefix\":\"1555\",\"name\":\"Springfield\"}");
        entry("a", "{\"prefix\":\"+1555555\",\"displayname\":\"Acme Corp\"}");
        entry("b", "{\"number\":\"+15555550100\",\"name\":\"Exact but later\"}");
        assertThat(lookup("a", "b")).isEqualTo("Acme Corp");
    }

    @Test
    void laterListsAreSearchedWhenEarlierOnesHaveNoHit() {
        entry("a", "{\"prefix\":\"44\",\"name\":\"UK\"}");
        entry("b", "{\"number\":\"+15555550100\",\"firstname\":\"Ann\",\"lastname\":\"Lee\"}");
        assertThat(lookup("a", "b")).isEqualTo("Ann Lee");
    }

    @Test
    void regularExpressionsAreTriedOnlyWithoutAnyNumberHit() {
        entry("a", "{\"pattern\":\"0100$\",\"name\":\"By pattern\"}");
        entry("b", "{\"regexp\":\"^\\\\+1\",\"name\":\"Second pattern\"}");
        assertThat(lookup("a", "b")).isEqualTo("By pattern");
        entry("b", "{\"prefix\":\"1\",\"name\":\"By prefix\"}");
        assertThat(lookup("a", "b")).isEqualTo("By prefix");
    }

    @Test
    void unnamedEntriesAreSkipped() {
        entry("a", "{\"prefix\":\"1555555\"}");
        entry("a", "{\"prefix\":\"1\",\"cid_name\":\"Legacy name\"}");
        assertThat(lookup("a")).isEqualTo("Legacy name");
    }

    @Test
    void noHitLeavesTheNameAlone() {
        entry("a", "{\"prefix\":\"44\",\"name\":\"UK\"}");
        LiveSim call = LiveSim.in(docs).flow("{\"module\":\"lookupcidname\",\"data\":{\"lists\":[\"a\"]}}");
        SimulationResult r = call.run();
        assertThat(Sim.events(r)).contains("cid_name:not_found");
        assertThat(call.presentedCallerId()).isEqualTo(new Party("+15555550100", "Test Caller"));
    }
}
