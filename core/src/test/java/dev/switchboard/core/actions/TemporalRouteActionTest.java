package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class TemporalRouteActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();
    private static final String FLOW = """
            {"module":"temporal_route","data":{},"children":{
              "holiday":{"module":"play","data":{"id":"closed-holiday"}},
              "weekdays":{"module":"play","data":{"id":"open"}},
              "_":{"module":"play","data":{"id":"after-hours"}}}}
            """;

    @BeforeEach
    void rules() {
        docs.add("temporal_rule", "weekdays", """
                {"name":"Weekdays","cycle":"weekly","interval":1,
                 "wdays":["monday","tuesday","wednesday","thursday","friday"],
                 "time_window_start":32400,"time_window_stop":61200,"start_date":63000000000}
                """);
        docs.add("temporal_rule", "holiday", """
                {"name":"Thanksgiving","cycle":"yearly","interval":1,"month":11,"ordinal":"fourth",
                 "wdays":["thursday"],"start_date":63000000000}
                """);
    }

    @Test
    void aWeekdayAtTenInTheMorningIsOpen() {
        // Wednesday 2026-11-25 10:00 in New York (the account's zone)
        SimulationResult r = Sim.in(docs).flow(FLOW).at("2026-11-25T15:00:00Z").run();
        assertThat(Sim.path(r).getFirst()).isEqualTo("temporal_route→weekdays");
        assertThat(Sim.events(r)).contains("play:media:open");
    }

    @Test
    void theHolidayRuleComesFirstWhenBothMatch() {
        // Thanksgiving 2026 is Thursday 26 November
        SimulationResult r = Sim.in(docs).flow(FLOW).at("2026-11-26T15:00:00Z").run();
        assertThat(Sim.path(r).getFirst()).isEqualTo("temporal_route→holiday");
    }

    @Test
    void outsideEveryWindowItIsAfterHours() {
        SimulationResult r = Sim.in(docs).flow(FLOW).at("2026-11-25T23:30:00Z").run();
        assertThat(Sim.path(r).getFirst()).isEqualTo("temporal_route→_");
        SimulationResult inTokyo = Sim.in(docs).flow(FLOW.replace("\"data\":{}", "\"data\":{\"timezone\":\"Asia/Tokyo\"}"))
                .at("2026-11-24T15:00:00Z").run();
        assertThat(Sim.path(inTokyo).getFirst()).as("midnight in Tokyo").isEqualTo("temporal_route→_");
        assertThat(Sim.path(Sim.in(docs).flow(FLOW).at("2026-11-24T15:00:00Z").run()).getFirst())
                .as("10:00 in New York").isEqualTo("temporal_route→weekdays");
    }

    @Test
    void aSimulationDoesNotChangeTheRules() {
        Sim.in(docs).flow("{\"module\":\"temporal_route\",\"data\":{\"action\":\"disable\",\"rules\":[\"weekdays\"]}}")
                .run();
        assertThat(docs.get("weekdays").orElseThrow().body().has("enabled")).isFalse();
    }

    @Test
    void disableClosesTheRuleForLaterCallsAndResetReopensIt() {
        Sim.in(docs).flow("{\"module\":\"temporal_route\",\"data\":{\"action\":\"disable\",\"rules\":[\"weekdays\"]}}")
                .keepWrites().run();
        assertThat(docs.get("weekdays").orElseThrow().body().get("enabled").asBoolean()).isFalse();
        assertThat(Sim.path(Sim.in(docs).flow(FLOW).at("2026-11-25T15:00:00Z").run()).getFirst())
                .isEqualTo("temporal_route→_");
        SimulationResult reset = Sim.in(docs)
                .flow("{\"module\":\"temporal_route\",\"data\":{\"action\":\"reset\",\"rules\":[\"weekdays\"]}}")
                .keepWrites().run();
        assertThat(Sim.events(reset)).contains("play:prompt:temporal-marker_reset");
        assertThat(docs.get("weekdays").orElseThrow().body().has("enabled")).isFalse();
    }

    @Test
    void theMenuTakesOneKeyAndTimesOutToTheWildcard() {
        String menu = "{\"module\":\"temporal_route\",\"data\":{\"action\":\"menu\",\"rules\":[\"weekdays\"]}}";
        SimulationResult enable = Sim.in(docs).flow(menu).caller("[{\"dtmf\":\"9\"},{\"wait_ms\":3000},{\"dtmf\":\"1\"}]")
                .keepWrites().run();
        assertThat(Sim.events(enable)).contains("collect:9", "collect:1", "play:prompt:temporal-marked_enabled");
        assertThat(docs.get("weekdays").orElseThrow().body().get("enabled").asBoolean()).isTrue();
        SimulationResult silent = Sim.in(docs).flow(menu).run();
        assertThat(Sim.events(silent)).contains("collect:").doesNotContain("play:prompt:temporal-marked_enabled");
    }

    @Test
    void aMissingRuleIsSkipped() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"temporal_route","data":{"rules":["gone"]},"children":{"gone":{"module":"hangup","data":{}}}}
                """).run();
        assertThat(Sim.path(r).getFirst()).isEqualTo("temporal_route→null");
    }
}
