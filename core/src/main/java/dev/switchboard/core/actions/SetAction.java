package dev.switchboard.core.actions;

import java.util.Map;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code set} (spec §6.65): deep-merges its data into the call's agent skills ({@code cf_agent_skills}), which
 * skills-based queue routing reads.
 */
public final class SetAction implements Action {
    static final String SKILLS = "cf_agent_skills";

    @Override
    public String module() {
        return "set";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        ObjectNode kvs = ctx.state().kvs();
        ObjectNode skills = kvs.get(SKILLS) instanceof ObjectNode existing ? existing : kvs.putObject(SKILLS);
        ObjectNode given = data instanceof ObjectNode object ? object.deepCopy() : Json.object();
        given.remove("skip_module");
        merge(skills, given);
        ctx.event("agent_skills:" + Json.write(skills));
        return Next.CONTINUE;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            if (e.getValue() instanceof ObjectNode inner && into.get(e.getKey()) instanceof ObjectNode existing) {
                merge(existing, inner);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }
}
