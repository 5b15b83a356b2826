package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulationResult;

class ParkActionTest {
    /** park-call_placed_in_spot, then the three digits of the slot. */
    private static final int ANNOUNCED_MS = 2000 + 3 * 400;

    private final MemoryDocuments docs = PickupFixture.office();

    private static String park(String data) {
        return """
                {"module":"park","data":%s,"children":{"_":{"module":"sleep","data":{"duration":1}}}}""".formatted(data);
    }

    private void occupy(String slot, String callId) {
        docs.add("parked_call", "parking-slot-" + slot, """
                {"slot_number":"%s","slot":{"Call-ID":"%s","Presence-ID":"*3%s"}}""".formatted(slot, callId, slot));
    }

    private boolean free(String slot) {
        return !docs.get("parking-slot-" + slot).orElseThrow().body().has("slot");
    }

    @Test
    void aParkedCallWaitsInTheFirstFreeSlotUntilSomeoneTakesIt() {
        SimulationResult r = Sim.in(docs).flow(park("{}")).to("*3").keepWrites().script(20000, "taken").run();

        assertThat(Sim.events(r)).containsExactly("presence:*3101:early", "park:parked:101", "answer",
                "play:prompt:park-call_placed_in_spot", "say:digits:101", "hold:default", "hold_end:taken",
                "presence:*3101:terminated", "park:retrieved:101");
        assertThat(Sim.path(r)).containsExactly("park→null");
        assertThat(r.outcome().end()).isEqualTo("parked");
        assertThat(free("101")).isTrue();
    }

    @Test
    void theSlotDocumentStaysWhenTheSlotIsFreed() {
        Sim.in(docs).flow(park("""
                {"action":"direct_park","slot":"102"}""")).to("*4").fromDevice("annphone").keepWrites()
                .script(5000, "hangup").run();

        var doc = docs.get("parking-slot-102").orElseThrow();
        assertThat(doc.type()).isEqualTo("parked_call");
        assertThat(doc.body().path("slot_number").asString()).isEqualTo("102");
        assertThat(free("102")).isTrue();
    }

    @Test
    void aCallerWhoHangsUpWhileParkedFreesTheSlot() {
        SimulationResult r = Sim.in(docs).flow(park("""
                {"action":"direct_park","slot":"102"}""")).to("*4").keepWrites().script(30000, "hangup").run();

        assertThat(Sim.events(r)).containsExactly("presence:*4102:early", "park:parked:102", "answer",
                "hold:default", "hold_end:hung_up", "presence:*4102:terminated", "park:abandoned:102");
        assertThat(Sim.path(r)).containsExactly("park→null");
        assertThat(r.outcome().end()).isEqualTo("hangup");
        assertThat(free("102")).isTrue();
    }

    @Test
    void afterTheRingbackTimeoutTheParkerIsRungAndTheFlowContinuesAfterTheirTalk() {
        docs.add("device", "annphone", """
                {"name":"Ann's phone","owner_id":"ann","sip":{"username":"ann"},"music_on_hold":{"media_id":"jazz"}}""");
        SimulationResult r = Sim.in(docs).flow(park("""
                {"default_ringback_timeout":10000}""")).to("*3").fromDevice("annphone").keepWrites().run();

        assertThat(Sim.events(r)).containsSubsequence("park:parked:101", "say:digits:101", "hold:media:jazz",
                "hold_end:timed_out", "park:ringback:annphone:30s:Parking slot 101 - Test Caller",
                "bridge:annphone:answered", "presence:*3101:terminated", "park:retrieved:101", "pause:1000");
        assertThat(Sim.path(r)).containsExactly("park→_", "sleep→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(r.outcome().answeredBy()).isEqualTo("annphone");
        assertThat(r.steps().get(1).tMs()).isEqualTo(ANNOUNCED_MS + 10000 + 2000 + 30000);
    }

    @Test
    void anUnansweredRingbackGoesToTheSlotsChild() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"park","data":{"slots":{"101":{"ringback_timeout":5000,"callback_timeout":20}}},
                 "children":{"101":{"module":"sleep","data":{"duration":2}},"_":{"module":"sleep","data":{}}}}""")
                .to("*3").fromDevice("annphone").endpoint("annphone", "no_answer").keepWrites().run();

        assertThat(Sim.events(r)).containsSubsequence("hold_end:timed_out",
                "park:ringback:annphone:20s:Parking slot 101 - Test Caller", "bridge:annphone:NO_ANSWER",
                "presence:*3101:terminated", "park:abandoned:101", "pause:2000");
        assertThat(Sim.path(r)).containsExactly("park→101", "sleep→null");
        assertThat(r.steps().get(1).tMs()).isEqualTo(ANNOUNCED_MS + 5000 + 20000);
    }

    @Test
    void withoutTheSlotsChildTheCallWaitsAgainAfterAnUnansweredRingback() {
        SimulationResult r = Sim.in(docs).flow(park("""
                {"default_ringback_timeout":5000,"default_callback_timeout":15000}""")).to("*3")
                .fromDevice("annphone").endpoint("annphone", "busy").keepWrites().script(30000, "hangup").run();

        assertThat(Sim.events(r)).containsSubsequence("hold_end:timed_out", "bridge:annphone:USER_BUSY",
                "hold:default", "hold_end:timed_out", "bridge:annphone:USER_BUSY", "hold:default",
                "hold_end:hung_up", "park:abandoned:101");
        assertThat(Sim.path(r)).containsExactly("park→null");
    }

    @Test
    void aSlotAboveTheMaximumGoesToMaxSlotExceeded() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"park","data":{"slot":"250","max_slot_number":200},
                 "children":{"MAX_SLOT_EXCEEDED":{"module":"sleep","data":{"duration":3}}}}""").run();

        assertThat(Sim.events(r)).containsExactly("park:max_slot_exceeded:250", "pause:3000",
                "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("park→MAX_SLOT_EXCEEDED", "sleep→null");
    }

    @Test
    void anAutoChosenSlotAboveTheMaximumToo() {
        occupy("101", "p1");
        occupy("102", "p2");
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"park","data":{"max_slot_number":102},
                 "children":{"MAX_SLOT_EXCEEDED":{"module":"sleep","data":{}}}}""")
                .activeCall("p1", "answered", null, null).activeCall("p2", "answered", null, null).run();

        assertThat(Sim.path(r)).containsExactly("park→MAX_SLOT_EXCEEDED", "sleep→null");
        assertThat(Sim.events(r)).startsWith("park:max_slot_exceeded:103");
    }

    @Test
    void theFirstFreeSlotIgnoresLowSlotsAndSlotsOfCallsThatEnded() {
        occupy("5", "p5");
        occupy("101", "p1");
        occupy("102", "ended");
        SimulationResult r = Sim.in(docs).flow(park("{}")).to("*3").keepWrites()
                .activeCall("p5", "answered", null, null).activeCall("p1", "answered", null, null)
                .script(10000, "taken").run();

        assertThat(Sim.events(r)).contains("park:parked:102");
    }

    @Test
    void aTakenSlotIsRefused() {
        occupy("101", "p1");
        SimulationResult r = Sim.in(docs).flow(park("""
                {"slot":"101"}""")).to("*3").activeCall("p1", "answered", null, null).run();

        assertThat(Sim.events(r)).containsExactly("answer", "play:prompt:park-already_in_use",
                "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("park→null");
    }

    @Test
    void retrieveConnectsToTheParkedCallAndFreesTheSlot() {
        occupy("101", "p1");
        SimulationResult r = Sim.in(docs).flow(park("""
                {"action":"retrieve","slot":"101"}""")).keepWrites().activeCall("p1", "answered", null, null).run();

        assertThat(Sim.events(r)).containsExactly("answer", "presence:*3101:terminated", "park:retrieved:101",
                "connect:p1:bridge", "hangup:NORMAL_CLEARING");
        assertThat(Sim.path(r)).containsExactly("park→null");
        assertThat(r.outcome().end()).isEqualTo("bridged");
        assertThat(free("101")).isTrue();
    }

    @Test
    void retrievingAnEmptySlotSaysNoCaller() {
        occupy("101", "ended");
        SimulationResult slotOfAnEndedCall = Sim.in(docs).flow(park("""
                {"action":"retrieve","slot":"101"}""")).run();
        assertThat(Sim.events(slotOfAnEndedCall)).containsExactly("answer", "play:prompt:park-no_caller",
                "hangup:NORMAL_CLEARING");

        SimulationResult noSlot = Sim.in(docs).flow(park("""
                {"action":"retrieve"}""")).run();
        assertThat(Sim.events(noSlot)).containsExactly("answer", "play:prompt:park-no_caller",
                "hangup:NORMAL_CLEARING");
    }

    @Test
    void autoRetrievesATakenSlotAndParksInAFreeOne() {
        docs.add("callflow", "valet", """
                {"patterns":["^\\\\*3(\\\\d+)$"],"flow":{"module":"park","data":{"action":"auto"}}}""");
        occupy("101", "p1");
        SimulationResult retrieved = Sim.in(docs).to("*3101").keepWrites().activeCall("p1", "answered", null, null)
                .run();
        assertThat(Sim.events(retrieved)).contains("connect:p1:bridge");

        SimulationResult parked = Sim.in(docs).to("*3105").keepWrites().script(8000, "taken").run();
        assertThat(Sim.events(parked)).startsWith("presence:*3105:early", "park:parked:105", "answer",
                "play:prompt:park-call_placed_in_spot", "say:digits:105");
    }

    @Test
    void directParkIntoTheDialledSlotIsNotAnnounced() {
        docs.add("callflow", "direct", """
                {"patterns":["^\\\\*4(\\\\d+)$"],"flow":{"module":"park","data":{"action":"direct_park"}}}""");
        SimulationResult r = Sim.in(docs).to("*4107").keepWrites().script(5000, "taken").run();

        assertThat(Sim.events(r)).containsExactly("presence:*4107:early", "park:parked:107", "answer",
                "hold:default", "hold_end:taken", "presence:*4107:terminated", "park:retrieved:107");
    }

    @Test
    void customPresenceIdsAndTypesPerSlotWithTheAccountRealm() {
        MemoryDocuments realm = new MemoryDocuments(dev.switchboard.core.doc.Json.object().put("name", "acme")
                .put("realm", "acme.example.com"));
        SimulationResult perSlot = Sim.in(realm).flow(park("""
                {"slot":"101","custom_presence_id":true,"presence_id":"lot",
                 "slots":{"101":{"presence_id":"bay1","presence_type":"confirmed"}}}""")).to("*3")
                .script(5000, "taken").run();
        assertThat(Sim.events(perSlot)).startsWith("presence:bay1@acme.example.com:confirmed");

        SimulationResult nodeWide = Sim.in(realm).flow(park("""
                {"slot":"102","custom_presence_id":true,"presence_id":"lot","default_presence_type":"terminated"}"""))
                .to("*3").script(5000, "taken").run();
        assertThat(Sim.events(nodeWide)).startsWith("presence:lot@acme.example.com:terminated");
    }
}
