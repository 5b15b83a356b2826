package dev.switchboard.core.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallState;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.MemoryDocuments;
import dev.switchboard.core.sim.Sim;
import dev.switchboard.core.sim.SimulatedCall;
import dev.switchboard.core.sim.SimulationResult;

class NoopActionTest {
    private final MemoryDocuments docs = MemoryDocuments.withAccount();

    @Test
    void continuesOnALiveCall() {
        SimulationResult r = Sim.in(docs).flow("""
                {"module":"noop","data":{},"children":{"_":{"module":"play","data":{"id":"m1"}}}}
                """).run();
        assertThat(Sim.path(r)).containsExactly("noop→_", "play→null");
        assertThat(Sim.events(r)).containsExactly("answer", "play:media:m1", "hangup:NORMAL_CLEARING");
    }

    /** The executor never starts a node after a hang-up it saw, so the gone call is handed to the action directly. */
    @Test
    void stopsWhenTheCallerHasGone() {
        SimulatedCall call = new SimulatedCall(new CallInfo("c", docs.accountId(), "1000", Party.of("+15555550100"),
                null, null, false), Instant.EPOCH, CallerScript.silent(), new EndpointBehaviours(Map.of()), "en-us");
        Trace trace = new Trace();
        ActionContext ctx = new ActionContext(call, new CallState(), docs, new Router(),
                new Services(null, null, null, null), trace);
        NoopAction noop = new NoopAction();
        assertThat(noop.execute(ctx, Json.object())).isEqualTo(Next.CONTINUE);
        call.hangup("NORMAL_CLEARING");
        assertThat(noop.execute(ctx, Json.object())).isEqualTo(Next.STOP);
    }
}
