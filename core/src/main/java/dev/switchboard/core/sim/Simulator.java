package dev.switchboard.core.sim;

import java.util.UUID;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.doc.DeviceOwner;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Trace;

/** Runs test calls through the real engine in memory, on a virtual clock, changing nothing outside. */
public final class Simulator {
    private final CallRunner runner;

    public Simulator(CallRunner runner) {
        this.runner = runner;
    }

    public SimulationResult simulate(AccountDocuments documents, SimulationRequest request) {
        return simulate(documents, request, false);
    }

    /**
     * @param keepWrites let the flow's writes reach {@code documents} (tests that follow a box or a park slot
     *                   across calls); false keeps them in an overlay that is dropped afterwards
     */
    public SimulationResult simulate(AccountDocuments documents, SimulationRequest request, boolean keepWrites) {
        String ownerId = request.deviceId() == null ? null : documents.get("device", request.deviceId())
                .map(Document::body).map(DeviceOwner::of).orElse(null);
        CallInfo info = new CallInfo("sim-" + UUID.randomUUID(), documents.accountId(), request.to(), request.from(),
                request.deviceId(), ownerId, request.fromCarrier());
        String language = documents.account().body().path("language").asString("en-us");
        SimulatedCall call = new SimulatedCall(info, request.at(), request.caller(), request.endpoints(), language);
        Trace trace = new Trace();
        var services = RecordingServices.create(trace::event, request.httpResponses(), request.activeCalls());
        runner.run(trace, call, keepWrites ? documents : new OverlayDocuments(documents), services, request.flow());
        return new SimulationResult(trace.callflowId(), trace.steps(), trace.outcome());
    }
}
