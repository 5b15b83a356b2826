package dev.switchboard.core.schema;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.switchboard.core.doc.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the validator library's errors into KAZOO's codes, messages and dotted paths (§9.5 of the spec).
 *
 * <p>Failures inside the branches of {@code anyOf}/{@code oneOf} are not reported one by one: a value that matches
 * none of the alternatives gets a single error at the value, as KAZOO reports it.
 */
final class ErrorTranslator {
    private static final String REQUIRED = "Field is required but missing";
    private static final String STRICT = "Strict checking of data is enabled; only include schema-defined properties";

    private ErrorTranslator() {
    }

    /**
     * @param document the validated document, to quote values of combined alternatives
     * @param at       path segments of the document inside the one the client sent ({@code flow}, {@code data})
     */
    static ValidationErrors translate(List<Error> failures, JsonNode document, List<String> at) {
        ValidationErrors errors = new ValidationErrors();
        Map<String, List<Object>> unmatchedAnyOf = new LinkedHashMap<>();
        for (Error failure : failures) {
            List<Object> evaluation = segments(failure.getEvaluationPath());
            int branch = branchIndex(evaluation);
            List<Object> location = segments(failure.getInstanceLocation());
            if (branch < 0) {
                add(errors, failure, location, at);
            } else if ("anyOf".equals(evaluation.get(branch - 1))) {
                unmatchedAnyOf.merge(evaluation.subList(0, branch).toString(), location, ErrorTranslator::commonPrefix);
            }
        }
        unmatchedAnyOf.values().forEach(location -> errors.add(path(at, location), "anyOf", Json.object()
                .put("message", "Value did not match any of the allowed schemas")
                .set("value", at(document, location).deepCopy())));
        return errors;
    }

    private static void add(ValidationErrors errors, Error failure, List<Object> location, List<String> at) {
        JsonNode rule = failure.getSchemaNode();
        JsonNode value = failure.getInstanceNode() == null ? null : failure.getInstanceNode().deepCopy();
        switch (failure.getKeyword()) {
            case "required" -> errors.add(path(at, location, failure.getProperty()), "required", REQUIRED);
            case "additionalProperties" -> errors.add(path(at, location, failure.getProperty()),
                    "additionalProperties", STRICT);
            case "type" -> errors.add(path(at, location), "type",
                    details("Value did not match type(s): " + listed(rule), rule, value));
            case "enum" -> errors.add(path(at, location), "enum",
                    details("Value not found in enumerated list of values", rule, value));
            case "const" -> errors.add(path(at, location), "enum",
                    details("Value not found in enumerated list of values", Json.array().add(rule), value));
            case "minimum" -> errors.add(path(at, location), "minimum",
                    details("Value must be at least " + rule, rule, value));
            case "exclusiveMinimum" -> errors.add(path(at, location), "minimum",
                    details("Value must be greater than " + rule, rule, value));
            case "maximum" -> errors.add(path(at, location), "maximum",
                    details("Value must be at most " + rule, rule, value));
            case "exclusiveMaximum" -> errors.add(path(at, location), "maximum",
                    details("Value must be less than " + rule, rule, value));
            case "minLength" -> errors.add(path(at, location), "minLength",
                    details("String must be at least " + rule + " characters", rule, value));
            case "maxLength" -> errors.add(path(at, location), "maxLength",
                    details("String must not be more than " + rule + " characters", rule, value));
            case "minItems" -> errors.add(path(at, location), "minItems",
                    details("The list must have at least " + rule + " items", rule, value));
            case "maxItems" -> errors.add(path(at, location), "maxItems",
                    details("The list is more than " + rule + " items", rule, value));
            case "uniqueItems" -> errors.add(path(at, location), "uniqueItems",
                    details("List of items is not unique", rule, value));
            case "pattern" -> errors.add(path(at, location), "pattern",
                    details("Failed to match pattern '" + rule.asString() + "'", rule, value));
            case "format" -> errors.add(path(at, location), "wrong_format",
                    details("Field is not in the correct format", rule, value));
            case "oneOf" -> errors.add(path(at, location), "not_one_schema_valid",
                    details("Value did not match exactly one of the allowed schemas", null, value));
            default -> errors.add(path(at, location), failure.getKeyword(),
                    details(failure.getMessage(), rule, value));
        }
    }

    private static ObjectNode details(String message, JsonNode target, JsonNode value) {
        ObjectNode details = Json.object().put("message", message);
        if (target != null) {
            details.set("target", target.deepCopy());
        }
        if (value != null) {
            details.set("value", value);
        }
        return details;
    }

    private static String listed(JsonNode types) {
        return types.isArray()
                ? StreamSupport.stream(types.spliterator(), false).map(JsonNode::asString)
                        .collect(Collectors.joining(", "))
                : types.asString();
    }

    /** Index of the branch number when the evaluation went through an {@code anyOf}/{@code oneOf} branch, else -1. */
    private static int branchIndex(List<Object> evaluation) {
        for (int i = 1; i < evaluation.size(); i++) {
            Object combinator = evaluation.get(i - 1);
            if (("anyOf".equals(combinator) || "oneOf".equals(combinator))
                    && evaluation.get(i).toString().chars().allMatch(Character::isDigit)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Object> commonPrefix(List<Object> a, List<Object> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return a.subList(0, n);
    }

    private static JsonNode at(JsonNode document, List<Object> location) {
        JsonNode node = document;
        for (Object segment : location) {
            node = segment instanceof Integer index ? node.path(index) : node.path(segment.toString());
        }
        return node;
    }

    private static List<Object> segments(NodePath path) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            segments.add(path.getElement(i));
        }
        return segments;
    }

    private static String path(List<String> at, List<Object> location, String... more) {
        List<String> all = new ArrayList<>(at);
        location.forEach(segment -> all.add(segment.toString()));
        all.addAll(List.of(more));
        return ValidationErrors.path(all.toArray(String[]::new));
    }
}
