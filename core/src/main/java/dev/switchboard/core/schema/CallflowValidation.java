package dev.switchboard.core.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Crossbar checks on a callflow beyond its document schema: every pattern is a usable regular expression,
 * and every flow node's {@code data} satisfies the schema of its module (with that schema's defaults injected).
 */
final class CallflowValidation {
    private final SchemaValidator validator;
    private final ValidationErrors errors = new ValidationErrors();

    private CallflowValidation(SchemaValidator validator) {
        this.validator = validator;
    }

    static ValidationErrors run(SchemaValidator validator, ObjectNode callflow) {
        return new CallflowValidation(validator).check(callflow);
    }

    private ValidationErrors check(ObjectNode callflow) {
        errors.addAll(validator.validateDocument(SchemaNames.CALLFLOWS, callflow, List.of()));
        checkPatterns(callflow.path("patterns"));
        if (callflow.get("flow") instanceof ObjectNode flow) {
            checkNode(flow, List.of("flow"));
        }
        return errors;
    }

    private void checkPatterns(JsonNode patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            JsonNode pattern = patterns.get(i);
            if (pattern.isString() && !PcrePattern.isValid(pattern.asString())) {
                errors.add(ValidationErrors.path("patterns", String.valueOf(i)), "error",
                        "invalid regular expression: '" + pattern.asString() + "'");
            }
        }
    }

    private void checkNode(ObjectNode node, List<String> at) {
        JsonNode module = node.get("module");
        if (module != null && module.isString()) {
            if (!validator.hasModule(module.asString())) {
                errors.add(path(at, "module"), "error", "unable to find callflow schema for module " + module.asString());
            } else if (node.get("data") instanceof ObjectNode data) {
                errors.addAll(validator.validateDocument(SchemaNames.ofModule(module.asString()), data, append(at, "data")));
            }
        }
        for (Map.Entry<String, JsonNode> child : node.path("children").properties()) {
            if (child.getValue() instanceof ObjectNode childNode) {
                checkNode(childNode, append(at, "children", child.getKey()));
            }
        }
    }

    private static List<String> append(List<String> at, String... segments) {
        List<String> longer = new ArrayList<>(at);
        longer.addAll(List.of(segments));
        return longer;
    }

    private static String path(List<String> at, String last) {
        return ValidationErrors.path(append(at, last).toArray(String[]::new));
    }
}
