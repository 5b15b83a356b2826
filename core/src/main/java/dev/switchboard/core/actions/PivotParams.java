package dev.switchboard.core.actions;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.ActionContext;

/**
 * What a Pivot server (or a function) is told about the call, in KAZOO's two dialects: {@code kazoo}
 * ({@code Call-ID}, {@code Caller-ID-Number}, ...) and {@code twiml} (Twilio's {@code CallSid}, {@code From}, ...).
 * Empty values are left out.
 */
final class PivotParams {
    private PivotParams() {
    }

    static Map<String, String> kazoo(ActionContext ctx) {
        CallInfo info = ctx.call().info();
        Party caller = PresentedCallerId.own(ctx);
        String realm = realm(ctx);
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "Call-ID", info.callId());
        put(params, "Account-ID", ctx.accountId());
        put(params, "From", caller.number());
        put(params, "From-Realm", realm);
        put(params, "To", info.dialled());
        put(params, "To-Realm", realm);
        put(params, "Request", request(ctx));
        put(params, "Request-Realm", realm);
        put(params, "Call-Status", status(ctx));
        put(params, "Api-Version", "4.x");
        put(params, "Direction", "inbound");
        put(params, "Caller-ID-Name", caller.name());
        put(params, "Caller-ID-Number", caller.number());
        put(params, "User-ID", CallerEndpoint.ownerId(ctx));
        put(params, "Language", ctx.call().language());
        return params;
    }

    static Map<String, String> twiml(ActionContext ctx) {
        CallInfo info = ctx.call().info();
        Party caller = PresentedCallerId.own(ctx);
        String realm = realm(ctx);
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "CallSid", info.callId());
        put(params, "AccountSid", ctx.accountId());
        put(params, "From", caller.number());
        put(params, "FromRealm", realm);
        put(params, "To", info.dialled());
        put(params, "ToRealm", realm);
        put(params, "CallStatus", status(ctx));
        put(params, "ApiVersion", "2010-04-01");
        put(params, "Direction", "inbound");
        put(params, "CallerName", caller.name());
        put(params, "CallerNumber", caller.number());
        return params;
    }

    private static String request(ActionContext ctx) {
        String rewritten = java.util.Objects.requireNonNullElse(ctx.state().request(), "");
        return rewritten.isEmpty() ? ctx.call().info().dialled() : rewritten;
    }

    private static String status(ActionContext ctx) {
        return ctx.call().answered() ? "in-progress" : "ringing";
    }

    private static String realm(ActionContext ctx) {
        return ctx.documents().account().body().path("realm").asString("");
    }

    private static void put(Map<String, String> params, String key, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(key, value);
        }
    }
}
