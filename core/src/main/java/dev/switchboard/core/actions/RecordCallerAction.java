package dev.switchboard.core.actions;

import dev.switchboard.core.call.RecordRequest;
import dev.switchboard.core.call.Recording;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code record_caller} (spec §6.58): answers and records what the caller says, until any key, the
 * {@code time_limit} (3600 s) or hang-up, then sends the file to {@code url} with {@code method} (PUT). Without a
 * url, or when the server does not take it, the recording is kept in the account as a media document named
 * {@code <call id>.<format>}. A url that is not http(s) records nothing.
 */
public final class RecordCallerAction implements Action {

    @Override
    public String module() {
        return "record_caller";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String url = data.path("url").asString("").trim();
        if (!RecordingSettings.usableUrl(url)) {
            ctx.event("record_caller:unsupported_url");
            return Next.CONTINUE;
        }
        ctx.call().answer();
        String format = RecordingSettings.format(data);
        Recording recording = ctx.call().record(new RecordRequest(RecordingSettings.timeLimit(data), null, false,
                PlayAction.ANY_DIGIT, format));
        String name = ctx.call().info().callId() + "." + format;
        if (url.isEmpty() || !sent(ctx, RecordingSettings.method(data), url, recording)) {
            ObjectNode fields = Json.object().put("name", name)
                    .put("description", "recorded from " + ctx.call().callerId().number())
                    .put("source_type", "record_caller")
                    .put("source_id", ctx.call().info().callId());
            ctx.event("record_caller:saved:" + RecordedMedia.save(ctx.documents(), null, fields, recording));
        }
        return Next.CONTINUE;
    }

    private static boolean sent(ActionContext ctx, String method, String url, Recording recording) {
        try {
            WebClient.Response response = ctx.services().web().upload(method, url, recording.contentType(),
                    recording.audio());
            if (response.status() / 100 == 2) {
                return true;
            }
            ctx.event("record_caller:upload_failed:" + response.status());
        } catch (RuntimeException e) {
            ctx.event("record_caller:upload_failed:" + e.getClass().getSimpleName());
        }
        return false;
    }
}
