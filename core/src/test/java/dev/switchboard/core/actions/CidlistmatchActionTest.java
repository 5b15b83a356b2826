package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class CidlistmatchActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    private static final String FLOW = """
            {"module":"cidlistmatch","data":{"id":"blocked"},"children":{
              "match":{"module":"play","data":{"id":"go-away"}},
              "nomatch":{"module":"play","data":{"id":"welcome"}}}}
            """;

    private SimulationResult from(String number) {
        return Sim.in(docs).from(number, "Caller").flow(FLOW).run();
    }

    private void entry(String json) {
        docs.add("list_entry", null, json.replace("}", ",\"list_id\":\"blocked\"}"));
    }

    @Test
    void anExactNumberMatchesInAnyNotation() {
        docs.add("list", "blocked", "{\"name\":\"Blocked\"}");
        entry("{\"number\":\"4158867900\"}");
        assertThat(Sim.path(from("+14158867900"))).containsExactly("cidlistmatch→match", "play→null");
        assertThat(Sim.path(from("+141588679001"))).containsExactly("cidlistmatch→nomatch", "play→null");
    }

    @Test
    void aPrefixMatchesNumbersStartingWithIt() {
        docs.add("list", "blocked", "{\"name\":\"Blocked\"}");
        entry("{\"prefix\":\"+1900\"}");
        assertThat(Sim.events(from("+19005551234"))).contains("list:match", "play:media:go-away");
        assertThat(Sim.events(from("+14155551234"))).contains("list:nomatch", "play:media:welcome");
    }

    @Test
    void aPatternIsFoundInTheNumber() {
        docs.add("list", "blocked", "{\"name\":\"Blocked\"}");
        entry("{\"pattern\":\"^\\\\+44\"}");
        assertThat(Sim.path(from("+442071234567"))).containsExactly("cidlistmatch→match", "play→null");
    }

    @Test
    void legacyEntriesInsideTheListCount() {
        docs.add("list", "blocked", "{\"name\":\"Blocked\",\"entries\":{\"a\":{\"regexp\":\"666$\"}}}");
        assertThat(Sim.path(from("+15555550666"))).containsExactly("cidlistmatch→match", "play→null");
    }

    @Test
    void aMissingListMatchesNothingAndAMissingChildFallsBackToTheDefault() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"cidlistmatch","data":{"id":"nope"},"children":{
                  "match":{"module":"play","data":{"id":"go-away"}},"_":{"module":"play","data":{"id":"default"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("cidlistmatch→_", "play→null");
        assertThat(Sim.events(r)).contains("list:nomatch");
    }
}
