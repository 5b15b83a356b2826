package dev.switchboard.core.actions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code route_to_cid} (spec §6.63): ring the users and devices whose caller ID number is the dialled number (an
 * extension-by-caller-ID pattern such as {@code ^([0-9]{3,4})$}). Data: {@code cid_types} internal|external|custom
 * (empty = all, as KAZOO's code), {@code endpoint_types} user|device (empty = both), {@code timeout} (s, 20),
 * {@code delay}, {@code can_call_self}, {@code static_invite}, {@code suppress_clid}. Found ones ring together as a
 * ring group; none → "_".
 */
public final class RouteToCidAction implements Action {
    private static final Set<String> STANDARD = Set.of("internal", "external");

    @Override
    public String module() {
        return "route_to_cid";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String number = ResourcesAction.requestUser(ctx);
        Set<String> cidTypes = strings(data.path("cid_types"));
        Set<String> endpointTypes = strings(data.path("endpoint_types"));
        int timeout = EndpointOptions.seconds(data.path("timeout"), EndpointOptions.DEFAULT_TIMEOUT);
        ObjectNode ringGroup = data.isObject() ? ((ObjectNode) data).deepCopy() : Json.object();
        ringGroup.put("strategy", "simultaneous").put("timeout", timeout).remove(List.of("repeats", "ringback", "id"));
        ArrayNode members = ringGroup.putArray("endpoints");
        for (Document d : ctx.documents().find(DocumentIndexes.CALLER_ID_NUMBER, number)) {
            if ((d.type().equals("user") || d.type().equals("device"))
                    && (endpointTypes.isEmpty() || endpointTypes.contains(d.type())) && matches(d, number, cidTypes)) {
                members.addObject().put("id", d.id()).put("endpoint_type", d.type())
                        .put("delay", Math.max(0, data.path("delay").asInt(0))).put("timeout", timeout);
            }
        }
        if (members.isEmpty()) {
            ctx.event("route_to_cid:" + number + ":not_found");
            return Next.CONTINUE;
        }
        return RingGroups.ring(ctx, ringGroup, ThreadLocalRandom.current());
    }

    private static boolean matches(Document d, String number, Set<String> cidTypes) {
        JsonNode callerId = d.body().path("caller_id");
        for (String type : callerId.propertyNames()) {
            boolean wanted = cidTypes.isEmpty() || cidTypes.contains(type)
                    || cidTypes.contains("custom") && !STANDARD.contains(type);
            if (wanted && number.equals(callerId.path(type).path("number").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.valueStream().forEach(v -> out.add(v.asString("")));
        return out;
    }
}
