package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.core.doc.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SchemaFilesTest {
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    private final SchemaValidator validator = SchemaValidator.load();

    @Test
    void loadsEveryDocumentSchema() {
        assertThat(validator.schemaNames()).contains("callflows", "users", "devices", "vmboxes", "media", "menus",
                "temporal_rules", "temporal_rules_sets", "groups", "conferences", "faxbox", "directories", "lists",
                "list_entries", "accounts", "resources", "webhooks", "phone_numbers", "mailbox_messages");
    }

    @Test
    void everySchemaIsValidDraft07() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of(DRAFT_07));
        for (String name : validator.schemaNames()) {
            assertThat(validator.schema(name).path("$schema").asString()).as(name).isEqualTo(DRAFT_07);
            assertThat(metaSchema.validate(validator.schema(name))).as(name).isEmpty();
        }
        assertThat(metaSchema.validate(Json.parse("{\"type\": 5}"))).as("the check itself").isNotEmpty();
    }

    @Test
    void schemaIsACopy() {
        ((ObjectNode) validator.schema("users")).remove("properties");

        assertThat(validator.schema("users").has("properties")).isTrue();
    }

    @Test
    void laterFoldersOverrideAndModulesAreCallflowSchemasWithoutFurtherDots() {
        SchemaValidator withFixtures = SchemaValidator.load(SchemaValidator.FOLDER, "test-schemas");

        assertThat(withFixtures.schema("callflows.play").path("description").asString()).contains("Test stand-in");
        assertThat(withFixtures.moduleNames()).contains("play", "user").doesNotContain("user.endpoint");
        assertThat(withFixtures.hasSchema("callflows.user.endpoint")).isTrue();
        assertThat(withFixtures.hasModule("user.endpoint")).isFalse();
    }

    @Test
    void aReferenceToAMissingSchemaFailsAtLoad() {
        assertThatThrownBy(() -> SchemaValidator.load(SchemaValidator.FOLDER, "broken-schemas"))
                .hasMessageContaining("no_such_schema");
    }
}
