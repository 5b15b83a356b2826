package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code branch_variable} (spec §6.9): continues to the child named after a variable's value ({@code true},
 * {@code 7}, {@code gold}), else to "_". {@code variable} is a key, a dotted path, or an array of keys (a nested
 * path); keys are normalised (lower case, {@code -} → {@code _}). {@code scope} says where it is read:
 * {@code custom_channel_vars} (the call's channel variables, then its custom application variables),
 * {@code account}, {@code device} (the calling device), {@code user} (the caller's user) or {@code merged} (the
 * calling endpoint as device, user and account merge it, then the call's variables).
 */
public final class BranchVariableAction implements Action {

    @Override
    public String module() {
        return "branch_variable";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        List<String> path = path(data.get("variable"));
        if (path.isEmpty()) {
            ctx.event("variable:none");
            return Next.CONTINUE;
        }
        String name = String.join(".", path);
        List<String> children = ctx.branchKeys();
        Optional<String> value = switch (data.path("scope").asString("custom_channel_vars")) {
            case "account" -> inDocument(Optional.of(ctx.documents().account()), path);
            case "device" -> inDocument(CallerEndpoint.device(ctx), path);
            case "user" -> inDocument(CallerEndpoint.user(ctx), path);
            case "merged" -> merged(ctx, path).filter(children::contains).or(() -> inCall(ctx, path));
            default -> inCall(ctx, path);
        };
        if (value.isEmpty()) {
            ctx.event("variable:" + name + ":unset");
            return Next.CONTINUE;
        }
        ctx.event("variable:" + name + "=" + value.get());
        return children.contains(value.get()) ? Next.to(value.get()) : Next.CONTINUE;
    }

    private static List<String> path(JsonNode variable) {
        List<String> keys = new ArrayList<>();
        if (variable != null && variable.isArray()) {
            variable.forEach(k -> {
                if (!k.asString("").isBlank()) {
                    keys.add(normalize(k.asString()));
                }
            });
        } else if (variable != null && variable.isString() && !variable.asString().isBlank()) {
            keys.add(normalize(variable.asString()));
        }
        return keys;
    }

    private static String normalize(String key) {
        return key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static Optional<String> inCall(ActionContext ctx, List<String> path) {
        if (path.size() == 1) {
            for (Map.Entry<String, String> v : ctx.state().variables().entrySet()) {
                if (normalize(v.getKey()).equals(path.getFirst())) {
                    return Optional.of(v.getValue());
                }
            }
        }
        for (Map.Entry<String, JsonNode> cav : ctx.state().customVariables().properties()) {
            if (normalize(cav.getKey()).equals(path.getFirst())) {
                return text(at(cav.getValue(), path.subList(1, path.size())));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> merged(ActionContext ctx, List<String> path) {
        for (Optional<Document> doc : List.of(CallerEndpoint.device(ctx), CallerEndpoint.user(ctx),
                Optional.of(ctx.documents().account()))) {
            Optional<String> value = inDocument(doc, path);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The key as written, else, for one dotted key, the nested path it spells. */
    private static Optional<String> inDocument(Optional<Document> doc, List<String> path) {
        return doc.flatMap(d -> text(at(d.body(), path))
                .or(() -> path.size() == 1 ? text(at(d.body(), List.of(path.getFirst().split("\\.")))) : Optional.empty()));
    }

    private static JsonNode at(JsonNode node, List<String> path) {
        JsonNode at = node;
        for (String key : path) {
            at = at.path(key);
        }
        return at;
    }

    /** Strings, numbers and booleans as the child key they name; objects, arrays and empty strings name none. */
    private static Optional<String> text(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull() || value.asString().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }
}
