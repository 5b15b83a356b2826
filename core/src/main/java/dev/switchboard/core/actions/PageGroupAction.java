package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code page_group} (spec §6.50): page devices that answer by themselves. Data: {@code endpoints} (devices, users,
 * groups as for a ring group; each device once, the calling device left out), {@code timeout} (s, 5),
 * {@code audio} one-way|two-way (one-way), {@code barge_calls}. Every leg is of kind "page" with the auto-answer
 * headers and {@code X-Page-Audio: one-way|two-way}; call forwards are not followed. Nobody to page → "_".
 * Somebody answered → stop; otherwise "_".
 */
public final class PageGroupAction implements Action {
    static final int DEFAULT_TIMEOUT = 5;

    @Override
    public String module() {
        return "page_group";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        int timeout = EndpointOptions.seconds(data.path("timeout"), DEFAULT_TIMEOUT);
        List<RingGroups.Member> members = RingGroups.resolve(ctx, data.path("endpoints"), "simultaneous", timeout, null,
                true);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Page-Audio", data.path("audio").asString("one-way").equals("two-way") ? "two-way" : "one-way");
        EndpointOptions base = EndpointOptions.from(data, "page_group", timeout).paging();
        EndpointOptions options = new EndpointOptions(base.delay(), base.timeout(), base.canCallSelf(),
                base.suppressClid(), base.staticInvite(), headers, base.source(), null, true);
        Endpoints builder = new Endpoints(ctx);
        List<BridgeEndpoint> legs = new ArrayList<>();
        for (RingGroups.Member m : members) {
            legs.addAll(builder.device(m.deviceId(), options.withLeg(m.delay(), m.timeout(), m.groupId())));
        }
        if (legs.isEmpty()) {
            return Next.CONTINUE;
        }
        ctx.state().variables().put("Auto-Answer-Suppress-Notify",
                String.valueOf(!data.path("barge_calls").asBoolean(false)));
        BridgeResult result = Bridging.ring(ctx, legs, "simultaneous", timeout, null, true, false);
        return result.answered() ? Bridging.answered(ctx, result) : Next.CONTINUE;
    }
}
