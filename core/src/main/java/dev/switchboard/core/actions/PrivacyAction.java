package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.routing.Route;
import tools.jackson.databind.JsonNode;

/**
 * {@code privacy} (spec §6.55): hides the caller's name and/or number from the callees ({@code mode}: full/yes,
 * name, number, none; unknown means full) through the channel variables {@code Privacy-Hide-Name} and
 * {@code Privacy-Hide-Number}; {@code endpoint_strategy: merge} also hides what the calling endpoint's
 * {@code caller_id_options.outbound_privacy} hides. Then the call goes on to the number in the capture group (e.g.
 * {@code *67} + number): to the callflow it routes to, or it ends when there is none.
 */
public final class PrivacyAction implements Action {

    private record Hide(boolean name, boolean number) {
        static Hide of(String mode) {
            return switch (mode) {
                case "none" -> new Hide(false, false);
                case "name", "hide_name" -> new Hide(true, false);
                case "number", "hide_number" -> new Hide(false, true);
                default -> new Hide(true, true);
            };
        }

        Hide or(Hide other) {
            return new Hide(name || other.name, number || other.number);
        }

        @Override
        public String toString() {
            return name && number ? "name+number" : name ? "name" : number ? "number" : "none";
        }
    }

    @Override
    public String module() {
        return "privacy";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Hide hide = Hide.of(data.path("mode").asString("full"));
        boolean merge = data.path("endpoint_strategy").asString("overwrite").equals("merge");
        if (merge) {
            hide = hide.or(CallerEndpoint.setting(ctx, "caller_id_options", "outbound_privacy")
                    .map(v -> Hide.of(v.asString("none"))).orElse(new Hide(false, false)));
        }
        ctx.state().variables().put("Privacy-Hide-Name", String.valueOf(hide.name()));
        ctx.state().variables().put("Privacy-Hide-Number", String.valueOf(hide.number()));
        ctx.state().kvs().put("use_endpoint_privacy", merge);
        ctx.event("privacy:" + hide);
        String number = NumberNormalizer.normalize(ctx.state().captureGroup());
        if (number == null || number.isEmpty()) {
            return Next.CONTINUE;
        }
        boolean mayUseNoMatch = !ctx.call().info().fromCarrier();
        Optional<Route> route = ctx.route(number, mayUseNoMatch).filter(r -> mayUseNoMatch || !r.noMatch());
        if (route.isEmpty()) {
            ctx.event("hunt:not_found:" + number);
            return Next.STOP;
        }
        Hunting.destination(ctx, number);
        return Hunting.branch(ctx, route.get());
    }
}
