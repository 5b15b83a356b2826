package dev.switchboard.core.actions;

import java.util.Optional;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.SchemaValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A flow node that came from outside the account's callflows (a Pivot server, a function) is run only when it
 * passes the checks a saved callflow passes: every node's data against its module's schema, with the schemas'
 * defaults injected (KAZOO's {@code kzd_callflows:validate_flow}).
 */
final class FlowCheck {
    private FlowCheck() {
    }

    /** Schemas load once, on the first flow checked. */
    private static final class Schemas {
        static final SchemaValidator VALIDATOR = SchemaValidator.load();
    }

    static Optional<ObjectNode> valid(JsonNode flow) {
        if (!(flow instanceof ObjectNode node) || !node.path("module").isString()) {
            return Optional.empty();
        }
        ObjectNode callflow = Json.object();
        callflow.set("flow", node.deepCopy());
        return Schemas.VALIDATOR.validateCallflow(callflow).isEmpty()
                ? Optional.of((ObjectNode) callflow.get("flow")) : Optional.empty();
    }
}
