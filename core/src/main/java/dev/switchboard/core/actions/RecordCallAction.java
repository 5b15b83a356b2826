package dev.switchboard.core.actions;

import java.util.Locale;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code record_call} (spec §6.57): starts ({@code action} anything but "stop") or stops recording the call's
 * conversations. Starting records the settings on the call (format, url, method, time_limit, record_on_answer,
 * record_on_bridge, record_min_sec, should_follow_transfer, and origin {@code callflow : <label>}, the label
 * defaulting to the callflow's name); the bridge that connects the call records with them. A url that is not
 * http(s) starts nothing.
 */
public final class RecordCallAction implements Action {

    @Override
    public String module() {
        return "record_call";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        if (data.path("action").asString("start").equals("stop")) {
            ctx.event(ctx.state().callRecording() == null ? "record_call:not_recording" : "record_call:stop");
            ctx.state().callRecording(null);
            return Next.CONTINUE;
        }
        String url = data.path("url").asString("").trim();
        if (!RecordingSettings.usableUrl(url)) {
            ctx.event("record_call:unsupported_url");
            return Next.CONTINUE;
        }
        ObjectNode settings = (ObjectNode) data.deepCopy();
        settings.remove("action");
        settings.remove("skip_module");
        settings.put("format", RecordingSettings.format(data));
        settings.put("method", RecordingSettings.method(data).toLowerCase(Locale.ROOT));
        settings.put("time_limit", RecordingSettings.timeLimit(data).toSeconds());
        boolean followTransfer = data.path("should_follow_transfer").asBoolean(true);
        settings.put("should_follow_transfer", followTransfer);
        settings.put("record_on_answer", data.path("record_on_answer").asBoolean(false));
        settings.put("record_on_bridge", data.path("record_on_bridge").asBoolean(false));
        settings.put("origin", origin(ctx, data));
        ctx.state().callRecording(settings);
        ctx.state().variables().put("recording_follow_transfer", String.valueOf(followTransfer));
        ctx.event("record_call:start:" + settings.path("format").asString());
        return Next.CONTINUE;
    }

    private static String origin(ActionContext ctx, JsonNode data) {
        String label = data.path("label").asString("");
        if (label.isEmpty()) {
            label = ctx.documents().get("callflow", ctx.state().callflowId())
                    .map(cf -> cf.body().path("name").asString(cf.id()))
                    .orElse("");
        }
        return label.isEmpty() ? "callflow" : "callflow : " + label;
    }
}
