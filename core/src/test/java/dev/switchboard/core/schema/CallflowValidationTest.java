package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.doc.Json;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The callflow walk: node structure, module dispatch and defaults, patterns. Modules come from test fixtures. */
class CallflowValidationTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.load(SchemaValidator.FOLDER, "test-schemas");
    private static final String USER_ID = "0123456789abcdef0123456789abcdef";

    @Test
    void validCallflowPassesAndGetsDocumentDefaults() {
        ObjectNode callflow = callflow("""
                {"name": "Reception", "numbers": ["1000"],
                 "flow": {"module": "user", "data": {"id": "%s"},
                          "children": {"_": {"module": "play", "data": {"id": "greeting"}}}}}""".formatted(USER_ID));

        assertThat(VALIDATOR.validateCallflow(callflow).isEmpty()).isTrue();
        assertThat(callflow.get("patterns")).isEqualTo(Json.array());
    }

    @Test
    void moduleDataGetsItsSchemaDefaultsAfterItsOwnKeys() {
        ObjectNode callflow = callflow("""
                {"numbers": ["1000"],
                 "flow": {"module": "play", "data": {"id": "greeting"},
                          "children": {"_": {"module": "user", "data": {"id": "%s", "can_call_self": true}}}}}"""
                .formatted(USER_ID));

        VALIDATOR.validate("callflows", callflow);

        assertThat(Json.write(callflow.at("/flow/data"))).isEqualTo("{\"id\":\"greeting\",\"endless_playback\":false}");
        assertThat(Json.write(callflow.at("/flow/children/_/data")))
                .isEqualTo("{\"id\":\"%s\",\"can_call_self\":true,\"timeout\":20}".formatted(USER_ID));
    }

    @Test
    void flowIsRequired() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("{\"numbers\": [\"1000\"]}"));

        assertThat(errors.has("flow", "required")).as(errors.toString()).isTrue();
    }

    @Test
    void nodesNeedData() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"numbers": ["1000"],
                 "flow": {"module": "play", "children": {"_": {"module": "user"}}}}"""));

        assertThat(errors.has("flow.data", "required")).as(errors.toString()).isTrue();
        assertThat(errors.has("flow.children._.data", "required")).as(errors.toString()).isTrue();
    }

    @Test
    void moduleMustBeANonEmptyString() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"numbers": ["1000"],
                 "flow": {"module": 7, "data": {}, "children": {"_": {"module": "", "data": {}}}}}"""));

        assertThat(errors.has("flow.module", "type")).as(errors.toString()).isTrue();
        assertThat(errors.has("flow.children._.module", "minLength")).as(errors.toString()).isTrue();
    }

    @Test
    void unknownModulesAreReportedWhereverTheyAre() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"numbers": ["1000"],
                 "flow": {"module": "teleport", "data": {},
                          "children": {"1": {"module": "play", "data": {"id": "x"},
                                             "children": {"_": {"module": "beam", "data": {}}}}}}}"""));

        assertThat(errors.toJson()).isEqualTo(Json.parse("""
                {"flow.module": {"error": {"message": "unable to find callflow schema for module teleport"}},
                 "flow.children.1.children._.module": {"error": {"message": "unable to find callflow schema for module beam"}}}"""));
    }

    @Test
    void badDataOfNestedNodesIsReportedUnderTheirPaths() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"numbers": ["1000"],
                 "flow": {"module": "play", "data": {},
                          "children": {"_": {"module": "user", "data": {"id": "short", "timeout": "soon"}},
                                       "sip:486": {"module": "play", "data": {"id": ""}}}}}"""));

        assertThat(errors.toJson().propertyNames()).containsExactlyInAnyOrder("flow.data.id",
                "flow.children._.data.id", "flow.children._.data.timeout", "flow.children.sip:486.data.id");
        assertThat(errors.has("flow.data.id", "required")).isTrue();
        assertThat(errors.has("flow.children._.data.id", "minLength")).isTrue();
        assertThat(errors.has("flow.children._.data.timeout", "type")).isTrue();
        assertThat(errors.has("flow.children.sip:486.data.id", "minLength")).isTrue();
    }

    @Test
    void childrenMustBeNodes() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"numbers": ["1000"], "flow": {"module": "play", "data": {"id": "x"}, "children": {"_": "play"}}}"""));

        assertThat(errors.has("flow.children._", "type")).as(errors.toString()).isTrue();
    }

    @Test
    void patternsMustBeRegularExpressions() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"patterns": ["^\\\\*7(?P<mailbox_id>[0-9]+)$", "^([0-9]{3,4}$", ""],
                 "flow": {"module": "play", "data": {"id": "x"}}}"""));

        assertThat(errors.toJson().propertyNames()).containsExactlyInAnyOrder("patterns.1", "patterns.2");
        assertThat(errors.toJson().at("/patterns.1/error/message").asString())
                .isEqualTo("invalid regular expression: '^([0-9]{3,4}$'");
        assertThat(errors.has("patterns.2", "minLength")).isTrue();
    }

    @Test
    void documentAndWalkErrorsAreCollectedTogether() {
        ValidationErrors errors = VALIDATOR.validateCallflow(callflow("""
                {"numbers": "1000", "patterns": ["("], "flow": {"module": "teleport", "data": {}}}"""));

        assertThat(List.copyOf(errors.toJson().propertyNames()))
                .containsExactlyInAnyOrder("numbers", "patterns.0", "flow.module");
    }

    @Test
    void oneValidatorServesManyThreads() {
        String bad = """
                {"numbers": ["1000", "1000"], "patterns": ["("],
                 "flow": {"module": "user", "data": {"timeout": -1}, "children": {"_": {"module": "beam", "data": {}}}}}""";
        ValidationErrors expected = VALIDATOR.validateCallflow(callflow(bad));

        List<ValidationErrors> results = IntStream.range(0, 500).parallel()
                .mapToObj(i -> VALIDATOR.validateCallflow(callflow(bad))).toList();

        assertThat(results).allSatisfy(errors -> assertThat(errors.toJson()).isEqualTo(expected.toJson()));
        assertThat(expected.toJson().propertyNames()).hasSize(4);
    }

    private static ObjectNode callflow(String json) {
        return (ObjectNode) Json.parse(json);
    }
}
