package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.doc.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every failure comes out with KAZOO's code, message, target and value at KAZOO's dotted path (spec §9.5). */
class ValidationErrorCodesTest {
    private static final SchemaValidator VALIDATOR = SchemaValidator.load(SchemaValidator.FOLDER, "test-schemas");

    @Test
    void requiredNamesTheMissingKey() {
        ValidationErrors errors = validate("users", "{\"last_name\": \"Smith\"}");

        assertThat(detail(errors, "first_name", "required"))
                .isEqualTo(Json.parse("{\"message\": \"Field is required but missing\"}"));
    }

    @Test
    void typeListsTheExpectedTypes() {
        ValidationErrors errors = validate("vmboxes", "{\"name\": \"Box\", \"mailbox\": \"100\", \"require_pin\": \"yes\", \"operator_number\": true}");

        assertThat(detail(errors, "require_pin", "type")).isEqualTo(Json.parse(
                "{\"message\": \"Value did not match type(s): boolean\", \"target\": \"boolean\", \"value\": \"yes\"}"));
        assertThat(detail(errors, "operator_number", "type").path("message").asString())
                .isEqualTo("Value did not match type(s): string, integer");
    }

    @Test
    void enumGivesTheAllowedValues() {
        ValidationErrors errors = validate("users", "{\"first_name\": \"A\", \"last_name\": \"B\", \"priv_level\": \"root\"}");

        assertThat(detail(errors, "priv_level", "enum")).isEqualTo(Json.parse(
                "{\"message\": \"Value not found in enumerated list of values\", \"target\": [\"user\", \"admin\"], \"value\": \"root\"}"));
    }

    @Test
    void minimumAndMaximum() {
        ValidationErrors errors = validate("menus", "{\"name\": \"M\", \"retries\": 0, \"max_extension_length\": 7}");

        assertThat(detail(errors, "retries", "minimum")).isEqualTo(Json.parse(
                "{\"message\": \"Value must be at least 1\", \"target\": 1, \"value\": 0}"));
        assertThat(detail(errors, "max_extension_length", "maximum")).isEqualTo(Json.parse(
                "{\"message\": \"Value must be at most 6\", \"target\": 6, \"value\": 7}"));
    }

    @Test
    void exclusiveBoundsReportAsMinimumAndMaximum() {
        ValidationErrors low = validate("combinators", "{\"exclusive\": 0}");
        ValidationErrors high = validate("combinators", "{\"exclusive\": 10}");

        assertThat(detail(low, "exclusive", "minimum").path("message").asString()).isEqualTo("Value must be greater than 0");
        assertThat(detail(high, "exclusive", "maximum").path("message").asString()).isEqualTo("Value must be less than 10");
    }

    @Test
    void minLengthAndMaxLength() {
        ValidationErrors errors = validate("vmboxes", "{\"name\": \"\", \"mailbox\": \"100\", \"pin\": \"1234567\"}");

        assertThat(detail(errors, "name", "minLength")).isEqualTo(Json.parse(
                "{\"message\": \"String must be at least 1 characters\", \"target\": 1, \"value\": \"\"}"));
        assertThat(detail(errors, "pin", "maxLength")).isEqualTo(Json.parse(
                "{\"message\": \"String must not be more than 6 characters\", \"target\": 6, \"value\": \"1234567\"}"));
    }

    @Test
    void minItemsMaxItemsAndUniqueItems() {
        ValidationErrors few = validate("combinators", "{\"list\": [{}]}");
        ValidationErrors many = validate("combinators", "{\"list\": [{}, {}, {}, {}]}");
        ValidationErrors twice = validate("callflows", "{\"numbers\": [\"1000\", \"1000\"], \"flow\": {\"module\": \"play\", \"data\": {\"id\": \"m\"}}}");

        assertThat(detail(few, "list", "minItems").path("message").asString()).isEqualTo("The list must have at least 2 items");
        assertThat(detail(many, "list", "maxItems").path("message").asString()).isEqualTo("The list is more than 3 items");
        assertThat(detail(twice, "numbers", "uniqueItems")).isEqualTo(Json.parse(
                "{\"message\": \"List of items is not unique\", \"target\": true, \"value\": [\"1000\", \"1000\"]}"));
    }

    @Test
    void arrayItemsAreAddressedByIndex() {
        ValidationErrors errors = validate("callflows", "{\"numbers\": [\"1000\", \"\"], \"flow\": {\"module\": \"play\", \"data\": {\"id\": \"m\"}}}");

        assertThat(errors.has("numbers.1", "minLength")).as(errors.toString()).isTrue();
    }

    @Test
    void patternQuotesTheRegularExpression() {
        ValidationErrors errors = validate("accounts", "{\"name\": \"Acme\", \"realm\": \"acme realm\"}");

        assertThat(detail(errors, "realm", "pattern").path("message").asString())
                .isEqualTo("Failed to match pattern '^[0-9A-Za-z\\-\\.\\:\\_]+$'");
        assertThat(detail(errors, "realm", "pattern").path("value").asString()).isEqualTo("acme realm");
    }

    @Test
    void formatIsWrongFormat() {
        ValidationErrors errors = validate("users", "{\"first_name\": \"A\", \"last_name\": \"B\", \"email\": \"not an address\"}");

        assertThat(detail(errors, "email", "wrong_format")).isEqualTo(Json.parse(
                "{\"message\": \"Field is not in the correct format\", \"target\": \"email\", \"value\": \"not an address\"}"));
    }

    @Test
    void additionalPropertiesNamesTheExtraKey() {
        ValidationErrors errors = validate("combinators", "{\"strict\": {\"known\": \"k\", \"extra\": 1}}");

        assertThat(detail(errors, "strict.extra", "additionalProperties").path("message").asString())
                .isEqualTo("Strict checking of data is enabled; only include schema-defined properties");
    }

    @Test
    void dotsInsideKeysAreEscaped() {
        ValidationErrors errors = validate("users", "{\"first_name\": \"A\", \"last_name\": \"B\", \"call_restriction\": {\"tollfree.us\": {\"action\": \"allow\"}}}");

        assertThat(errors.has("call_restriction.tollfree%2Eus.action", "enum")).as(errors.toString()).isTrue();
    }

    @Test
    void anyOfWithNoMatchingBranchIsOneErrorAtTheValue() {
        ValidationErrors errors = validate("combinators", "{\"either\": {\"name\": \"x\"}}");

        assertThat(errors.toJson().propertyNames()).containsExactly("either");
        assertThat(detail(errors, "either", "anyOf")).isEqualTo(Json.parse(
                "{\"message\": \"Value did not match any of the allowed schemas\", \"value\": {\"name\": \"x\"}}"));
    }

    @Test
    void oneOfWithNoMatchingBranchIsOneErrorAtTheValue() {
        ValidationErrors errors = validate("combinators", "{\"exactly_one\": 1.5}");

        assertThat(errors.toJson().propertyNames()).containsExactly("exactly_one");
        assertThat(errors.toJson().path("exactly_one").propertyNames()).containsExactly("not_one_schema_valid");
    }

    @Test
    void collectsEveryFailure() {
        ValidationErrors errors = validate("temporal_rules", "{\"cycle\": \"hourly\", \"interval\": 0, \"month\": 13, \"wdays\": [\"monday\", \"funday\"]}");

        assertThat(errors.toJson().propertyNames())
                .containsExactlyInAnyOrder("name", "cycle", "interval", "month", "wdays.1");
    }

    @Test
    void unknownSchemaNameIsAProgrammingError() {
        assertThatThrownBy(() -> VALIDATOR.validate("no_such_schema", Json.object()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ValidationErrors validate(String schema, String document) {
        return VALIDATOR.validate(schema, (ObjectNode) Json.parse(document));
    }

    private static JsonNode detail(ValidationErrors errors, String path, String code) {
        assertThat(errors.has(path, code)).as("%s.%s in %s", path, code, errors).isTrue();
        return errors.toJson().path(path).path(code);
    }
}
