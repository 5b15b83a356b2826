package dev.switchboard.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.StoreDocuments;
import dev.switchboard.core.engine.TraceJson;
import dev.switchboard.core.schema.ValidationErrors;
import dev.switchboard.core.sim.CallerScript;
import dev.switchboard.core.sim.EndpointBehaviours;
import dev.switchboard.core.sim.SimulationRequest;
import dev.switchboard.core.sim.SimulationResult;
import dev.switchboard.core.sim.Simulator;
import io.javalin.http.HandlerType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v2/accounts/{id}/callflows/simulate}: a test call through the real engine, in memory, that changes
 * no document and sends nothing; the builder's "test it before callers do".
 */
final class SimulateResource {
    private final DocumentStore store;
    private final AttachmentStore attachments;
    private final DocumentService documents;
    private final Simulator simulator;

    SimulateResource(DocumentStore store, AttachmentStore attachments, DocumentService documents, Simulator simulator) {
        this.store = store;
        this.attachments = attachments;
        this.documents = documents;
        this.simulator = simulator;
    }

    List<Route> routes() {
        return List.of(new Route(HandlerType.POST, "/v2/accounts/{account_id}/callflows/simulate", "callflows",
                "Simulate a call: data {to, from, at, caller, endpoints, flow?, pivot_responses?}",
                Route.Access.ACCOUNT, null, this::simulate));
    }

    private void simulate(RequestScope s) {
        ObjectNode data = RequestBody.data(s.ctx());
        SimulationRequest request = request(data);
        SimulationResult result = simulator.simulate(new StoreDocuments(store, attachments, s.accountId()), request);
        if (request.flow() == null && result.callflowId() == null) {
            throw ApiException.invalid("to", "not_found", "no callflow of the account answers " + request.to());
        }
        Envelope.ok(s.ctx(), render(result));
    }

    private SimulationRequest request(ObjectNode data) {
        ValidationErrors errors = new ValidationErrors();
        String to = data.path("to").asString("");
        if (to.isEmpty()) {
            errors.add("to", "required", "the dialled number is required");
        }
        JsonNode from = data.path("from");
        Party caller = new Party(from.path("number").asString("+15555550100"), from.path("name").asString("Caller"));
        Instant at = Instant.now();
        if (data.has("at")) {
            try {
                at = Instant.parse(data.get("at").asString(""));
            } catch (DateTimeParseException e) {
                errors.add("at", "wrong_format", "an ISO-8601 instant such as 2026-11-25T09:30:00Z");
            }
        }
        CallerScript script = CallerScript.silent();
        try {
            script = CallerScript.parse(data.get("caller"));
        } catch (IllegalArgumentException e) {
            errors.add("caller", "invalid", e.getMessage());
        }
        EndpointBehaviours endpoints = new EndpointBehaviours(Map.of());
        try {
            endpoints = new EndpointBehaviours(strings(data.get("endpoints")));
        } catch (IllegalArgumentException e) {
            errors.add("endpoints", "enum", e.getMessage());
        }
        ObjectNode flow = null;
        if (data.has("flow")) {
            if (data.get("flow") instanceof ObjectNode given) {
                flow = given.deepCopy();
                ObjectNode draft = Json.object();
                draft.putArray("patterns").add("^simulate$");
                draft.set("flow", flow);
                errors.addAll(documents.validator().validate("callflows", draft));
                flow = (ObjectNode) draft.get("flow");
            } else {
                errors.add("flow", "type", "Value did not match type(s): object");
            }
        }
        Map<String, String> pivot = new LinkedHashMap<>();
        data.path("pivot_responses").properties().forEach(e ->
                pivot.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : Json.write(e.getValue())));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new SimulationRequest(to, caller, from.path("device_id").asString(null),
                from.path("carrier").asBoolean(false), at, script, endpoints, flow, pivot);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString("")));
        }
        return map;
    }

    private static ObjectNode render(SimulationResult result) {
        return TraceJson.render(result.callflowId(), result.steps(), result.outcome());
    }
}
