package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.doc.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SchemaDefaultsTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.load(SchemaValidator.FOLDER, "test-schemas");

    @Test
    void aDefaultBesideAReferenceIsFilledFromTheReferencedSchema() {
        ObjectNode doc = (ObjectNode) Json.parse("{}");

        VALIDATOR.validate("combinators", doc);

        assertThat(doc.at("/forward/substitute").asBoolean()).isTrue();
        assertThat(doc.at("/forward/enabled").asBoolean()).isFalse();
    }

    @Test
    void arrayItemsGetTheirDefaults() {
        ObjectNode doc = (ObjectNode) Json.parse("{\"list\": [{\"kind\": \"special\"}, {}]}");

        VALIDATOR.validate("combinators", doc);

        assertThat(doc.get("list")).isEqualTo(Json.parse("[{\"kind\": \"special\"}, {\"kind\": \"plain\"}]"));
    }

    @Test
    void presentValuesAreNeverReplacedEvenWhenInvalid() {
        ObjectNode doc = (ObjectNode) Json.parse("{\"name\": \"M\", \"retries\": null, \"media\": \"none\"}");

        ValidationErrors errors = VALIDATOR.validate("menus", doc);

        assertThat(doc.get("retries").isNull()).isTrue();
        assertThat(doc.get("media").asString()).isEqualTo("none");
        assertThat(errors.has("retries", "type")).isTrue();
        assertThat(errors.has("media", "type")).isTrue();
    }
}
