package dev.switchboard.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code callflows.<module>.json} schemas: one per action of the spec's module catalogue (§1), each a
 * draft-07 schema carrying the builder annotations, and each accepting the {@code data} of the KAZOO examples.
 */
class ModuleSchemasTest {

    /** The 78 modules of the spec's §1 table, in table order. Hard-coded on purpose: this is the contract. */
    static final List<String> MODULES = List.of(
            "acdc_agent", "acdc_member", "acdc_queue", "acdc_wait_time", "after_bridge", "answer", "audio_macro",
            "branch_bnumber", "branch_variable", "call_forward", "call_waiting", "callflow", "camping_feature",
            "check_cid", "cidlistmatch", "collect_dtmf", "conference", "conference_feature", "dead_air", "device",
            "directory", "disa", "do_not_disturb", "dynamic_cid", "eavesdrop", "eavesdrop_feature", "edr",
            "fax_detect", "faxbox", "flush_dtmf", "function", "group", "group_pickup", "group_pickup_feature",
            "hangup", "hotdesk", "intercept", "intercept_feature", "intercom", "language", "lookupcidname",
            "manual_presence", "menu", "missed_call_alert", "move", "nomorobo", "noop", "notification", "offnet",
            "page_group", "park", "pivot", "play", "prepend_cid", "privacy", "receive_fax", "record_call",
            "record_caller", "resources", "response", "ring_group", "ring_group_toggle", "route_to_cid",
            "send_dtmf", "set", "set_alert_info", "set_cid", "set_variable", "set_variables", "skel", "sleep",
            "temporal_route", "transfer", "tts", "user", "voicemail", "wait_for_hangup", "webhook");

    /** {@code callflows.<name>.json} files that are not action modules (the flow-node schema). */
    static final Set<String> NOT_MODULES = Set.of("action");

    static final Set<String> CATEGORIES = Set.of("basic", "advanced", "time_of_day", "ring_group_toggle", "hotdesk",
            "do_not_disturb", "caller_id", "call_recording", "call_forward");

    static final Set<String> COLLECTIONS = Set.of("users", "devices", "groups", "vmboxes", "menus", "media",
            "temporal_rules", "temporal_rules_sets", "callflows", "conferences", "directories", "faxboxes", "lists",
            "resources");

    /** Flags an {@code x-children} object may carry besides {@code keys}. */
    static final Set<String> CHILD_FLAGS = Set.of("bridge_failure", "digits", "rule_ids", "caller_id_numbers",
            "slot_numbers", "capture_group", "values", "integer_thresholds");

    static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    static Stream<String> modules() {
        return MODULES.stream();
    }

    static JsonNode schemaJson(String module) {
        String resource = "/schemas/callflows." + module + ".json";
        try (InputStream in = ModuleSchemasTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema schema(String module) {
        return COMPILED.computeIfAbsent(module, m -> {
            // The relative $id ("callflows.<module>") is resolved against the file's own location.
            Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:schemas/callflows." + m + ".json"));
            schema.initializeValidators();
            return schema;
        });
    }

    static List<Error> validate(String module, String data) {
        return schema(module).validate(MAPPER.readTree(data));
    }

    // ------------------------------------------------------------------------------------------ catalogue

    @Test
    void theCatalogueHas78DistinctModules() {
        assertThat(MODULES).hasSize(78).doesNotHaveDuplicates();
    }

    @Test
    void exactlyTheCatalogueModulesHaveASchemaFile() throws IOException, URISyntaxException {
        URL dir = ModuleSchemasTest.class.getResource("/schemas");
        assertThat(dir).isNotNull();
        Pattern file = Pattern.compile("callflows\\.([a-z0-9_]+)\\.json");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            files.map(p -> file.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .filter(name -> !NOT_MODULES.contains(name))
                    .forEach(found::add);
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(MODULES);
    }

    // ------------------------------------------------------------------------------------------ per schema

    @ParameterizedTest
    @MethodSource("modules")
    void isAValidDraft07Schema(String module) {
        JsonNode json = schemaJson(module);
        assertThat(json.path("$schema").asString()).isEqualTo(DRAFT_07);

        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(DRAFT_07));
        assertThat(metaSchema.validate(json)).as("meta-schema errors").isEmpty();

        Schema compiled = schema(module);
        assertThat(compiled.getSchemaContext().getDialect().getId()).isEqualTo(DRAFT_07);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void hasTheModuleContract(String module) {
        JsonNode json = schemaJson(module);
        assertThat(json.path("$id").asString()).isEqualTo("callflows." + module);
        assertThat(json.path("type").asString()).isEqualTo("object");
        assertThat(json.path("description").asString()).isNotBlank().doesNotContain("\n");
        assertThat(json.path("title").asString()).isNotBlank();
        assertThat(json.path("additionalProperties").isBoolean() && !json.path("additionalProperties").asBoolean())
                .as("module schemas are not strict").isFalse();

        JsonNode skip = json.path("properties").path("skip_module");
        assertThat(skip.path("type").asString()).isEqualTo("boolean");

        assertThat(json.path("x-category").asString()).isIn(CATEGORIES);

        JsonNode children = json.path("x-children");
        assertThat(children.isObject()).as("x-children is an object").isTrue();
        assertThat(children.path("keys").isArray()).as("x-children.keys is an array").isTrue();
        children.path("keys").values().forEach(k -> assertThat(k.isString()).isTrue());
        for (String flag : children.propertyNames()) {
            if (!flag.equals("keys")) {
                assertThat(flag).isIn(CHILD_FLAGS);
                assertThat(children.get(flag).isBoolean()).as("x-children.%s is a boolean", flag).isTrue();
            }
        }

        for (JsonNode required : json.path("required").values()) {
            assertThat(json.path("properties").has(required.asString()))
                    .as("required key %s is a declared property", required.asString()).isTrue();
        }

        List<String> problems = new ArrayList<>();
        checkProperties(json, module, problems);
        checkRefs(json, module, problems);
        assertThat(problems).isEmpty();
    }

    /**
     * {@code x-ref} (anywhere: properties, array items) names a collection, or lists the collections of a field
     * whose target kind depends on another key (e.g. a ring group member's endpoint_type).
     */
    private static void checkRefs(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("x-ref");
            if (ref != null) {
                List<JsonNode> refs = ref.isArray() ? List.copyOf(ref.values()) : List.of(ref);
                if (refs.isEmpty()) {
                    problems.add(path + ": empty x-ref");
                }
                for (JsonNode r : refs) {
                    if (!r.isString() || !COLLECTIONS.contains(r.asString())) {
                        problems.add(path + ": unknown x-ref " + r);
                    }
                }
            }
            node.properties().forEach(e -> checkRefs(e.getValue(), path + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            node.values().forEach(v -> checkRefs(v, path + "[]", problems));
        }
    }

    /** The defaults injected on save must themselves be valid data. */
    @ParameterizedTest
    @MethodSource("modules")
    void defaultsAreValidValues(String module) {
        ObjectNode defaults = MAPPER.createObjectNode();
        schemaJson(module).path("properties").properties().forEach(e -> {
            if (e.getValue().has("default")) {
                defaults.set(e.getKey(), e.getValue().get("default"));
            }
        });
        List<Error> errors = schema(module).validate(defaults).stream()
                .filter(e -> !"required".equals(e.getKeyword()))
                .toList();
        assertThat(errors).as("defaults %s", defaults).isEmpty();
    }

    /** Every property, at any depth (nested objects, array items, map values), has a type and a description. */
    private static void checkProperties(JsonNode schema, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            String at = path + "." + e.getKey();
            JsonNode prop = e.getValue();
            if (prop.path("description").asString("").isBlank()) {
                problems.add(at + ": no description");
            }
            if (!prop.has("type")) {
                problems.add(at + ": no type");
            }
            checkProperties(prop, at, problems);
        }
        if (schema.path("items").isObject()) {
            checkProperties(schema.get("items"), path + "[]", problems);
        }
        if (schema.path("additionalProperties").isObject()) {
            checkProperties(schema.get("additionalProperties"), path + ".*", problems);
        }
    }

    static Stream<Arguments> expectedChildren() {
        return Stream.of(
                Arguments.of("user", "{\"keys\":[\"_\"],\"bridge_failure\":true}"),
                Arguments.of("device", "{\"keys\":[\"_\"],\"bridge_failure\":true}"),
                Arguments.of("ring_group", "{\"keys\":[\"_\"],\"bridge_failure\":true}"),
                Arguments.of("menu", "{\"digits\":true,\"keys\":[\"timeout\",\"max_retries\",\"_\"]}"),
                Arguments.of("temporal_route", "{\"rule_ids\":true,\"keys\":[\"rule_set\",\"_\"]}"),
                Arguments.of("check_cid", "{\"keys\":[\"match\",\"nomatch\",\"_\"],\"caller_id_numbers\":true}"),
                Arguments.of("park", "{\"slot_numbers\":true,\"keys\":[\"MAX_SLOT_EXCEEDED\",\"_\"]}"),
                Arguments.of("fax_detect", "{\"keys\":[\"ON_FAX\",\"ON_VOICE\",\"_\"]}"),
                Arguments.of("branch_bnumber", "{\"capture_group\":true,\"keys\":[\"_\"]}"),
                Arguments.of("branch_variable", "{\"values\":true,\"keys\":[\"_\"]}"),
                Arguments.of("nomorobo", "{\"integer_thresholds\":true,\"keys\":[\"_\"]}"),
                Arguments.of("acdc_wait_time", "{\"integer_thresholds\":true,\"keys\":[\"_\"]}"),
                Arguments.of("play", "{\"keys\":[\"_\"]}"),
                Arguments.of("hangup", "{\"keys\":[]}"),
                Arguments.of("response", "{\"keys\":[]}"),
                Arguments.of("conference", "{\"keys\":[]}"),
                Arguments.of("faxbox", "{\"keys\":[]}"));
    }

    @ParameterizedTest
    @MethodSource("expectedChildren")
    void childKeysFollowTheCatalogue(String module, String expected) {
        assertThat(schemaJson(module).get("x-children")).isEqualTo(MAPPER.readTree(expected));
    }

    @Test
    void paletteCategoriesFollowTheKazooBuilder() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("play", "basic"), Map.entry("menu", "basic"), Map.entry("user", "basic"),
                Map.entry("voicemail", "basic"), Map.entry("ring_group", "basic"), Map.entry("conference", "basic"),
                Map.entry("device", "advanced"), Map.entry("callflow", "advanced"), Map.entry("tts", "advanced"),
                Map.entry("temporal_route", "time_of_day"), Map.entry("ring_group_toggle", "ring_group_toggle"),
                Map.entry("hotdesk", "hotdesk"), Map.entry("do_not_disturb", "do_not_disturb"),
                Map.entry("dynamic_cid", "caller_id"), Map.entry("prepend_cid", "caller_id"),
                Map.entry("record_call", "call_recording"), Map.entry("call_forward", "call_forward"),
                Map.entry("check_cid", "advanced"), Map.entry("park", "advanced"));
        expected.forEach((module, category) ->
                assertThat(schemaJson(module).path("x-category").asString()).as(module).isEqualTo(category));
    }

    // ------------------------------------------------------------------------------------------ KAZOO examples

    static Path sharedReference() {
        String override = System.getProperty("switchboard.shared.dir");
        if (override != null) {
            return Path.of(override).resolve("reference");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.getParent().resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("no sibling shared/reference found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyNodeOfTheKazooExamplesValidates() throws IOException {
        Path examples = sharedReference().resolve("kazoo-examples");
        List<Path> files;
        try (Stream<Path> list = Files.list(examples)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(10);

        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            JsonNode doc = MAPPER.readTree(file.toFile());
            assertThat(doc.path("flow").isObject()).as("%s has a flow", file).isTrue();
            int nodes = walk(doc.get("flow"), file.getFileName() + ":flow", problems);
            long modules = Pattern.compile("\"module\"\\s*:").matcher(Files.readString(file)).results().count();
            assertThat(nodes).as("nodes walked in %s", file.getFileName()).isEqualTo(modules);
        }
        assertThat(problems).isEmpty();
    }

    private static int walk(JsonNode node, String path, List<String> problems) {
        String module = node.path("module").asString();
        int count = 1;
        if (!MODULES.contains(module)) {
            problems.add(path + ": unknown module " + module);
        } else {
            for (Error error : schema(module).validate(node.path("data"))) {
                problems.add(path + " (" + module + "): " + error);
            }
        }
        for (Map.Entry<String, JsonNode> child : node.path("children").properties()) {
            count += walk(child.getValue(), path + ".children." + child.getKey(), problems);
        }
        return count;
    }

    // ------------------------------------------------------------------------------------------ bad values

    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("user", "{\"id\":\"u\",\"timeout\":\"twenty\"}", "type"),
                Arguments.of("device", "{\"can_call_self\":\"yes\"}", "type"),
                Arguments.of("play", "{\"skip_module\":\"true\"}", "type"),
                Arguments.of("ring_group", "{\"endpoints\":[{\"id\":\"d\",\"endpoint_type\":\"device\"}],"
                        + "\"strategy\":\"round_robin\"}", "enum"),
                Arguments.of("ring_group", "{\"endpoints\":[{\"id\":\"d\",\"endpoint_type\":\"phone\"}]}", "enum"),
                Arguments.of("ring_group", "{\"endpoints\":[{\"id\":\"d\",\"endpoint_type\":\"user\",\"weight\":0}]}",
                        "minimum"),
                Arguments.of("ring_group", "{\"endpoints\":[{\"id\":\"d\"}]}", "required"),
                Arguments.of("ring_group", "{\"strategy\":\"single\"}", "required"),
                Arguments.of("voicemail", "{\"action\":\"delete\"}", "enum"),
                Arguments.of("sleep", "{\"duration\":5,\"unit\":\"days\"}", "enum"),
                Arguments.of("sleep", "{\"duration\":-1}", "minimum"),
                Arguments.of("collect_dtmf", "{\"max_digits\":0}", "minimum"),
                Arguments.of("collect_dtmf", "{\"terminator\":\"A\"}", "enum"),
                Arguments.of("record_call", "{\"action\":\"start\",\"time_limit\":4}", "minimum"),
                Arguments.of("record_call", "{\"action\":\"start\",\"time_limit\":10801}", "maximum"),
                Arguments.of("pivot", "{\"voice_url\":\"http://x\",\"req_timeout_ms\":6000}", "maximum"),
                Arguments.of("pivot", "{\"voice_url\":\"ftp://x\"}", "pattern"),
                Arguments.of("tts", "{\"text\":\"\"}", "minLength"),
                Arguments.of("tts", "{\"voice\":\"male\"}", "required"),
                Arguments.of("language", "{\"language\":\"english\"}", "pattern"),
                Arguments.of("page_group", "{\"endpoints\":[],\"audio\":\"one-way\"}", "minItems"),
                Arguments.of("response", "{\"message\":\"busy\"}", "required"),
                Arguments.of("response", "{\"code\":486,\"media\":\"" + "m".repeat(2049) + "\"}", "maxLength"),
                Arguments.of("temporal_route", "{\"rules\":\"rule-id\"}", "type"),
                Arguments.of("park", "{\"action\":\"valet\"}", "enum"),
                Arguments.of("faxbox", "{\"media\":{\"fax_option\":\"maybe\"}}", "enum"));
    }

    @ParameterizedTest
    @MethodSource("badData")
    void badValuesAreRejected(String module, String data, String keyword) {
        List<Error> errors = validate(module, data);
        assertThat(errors).as("errors for %s %s", module, data).isNotEmpty();
        assertThat(errors).extracting(Error::getKeyword).contains(keyword);
    }

    static Stream<Arguments> goodData() {
        return Stream.of(
                Arguments.of("ring_group", "{\"endpoints\":[{\"endpoint_type\":\"user\",\"id\":\"u\"},"
                        + "{\"endpoint_type\":\"group\",\"id\":\"g\",\"delay\":10}],"
                        + "\"strategy\":\"simultaneous\",\"timeout\":30,\"repeats\":1}"),
                Arguments.of("after_bridge", "{\"action\":\"transfer\",\"data\":\"1000\"}"),
                Arguments.of("after_bridge", "{\"action\":\"park\",\"data\":true}"),
                Arguments.of("send_dtmf", "{\"digits\":\"123\",\"duration_ms\":500}"),
                Arguments.of("faxbox", "{\"id\":\"f\",\"media\":{\"fax_option\":\"auto\"}}"),
                Arguments.of("faxbox", "{\"id\":\"f\",\"media\":{\"fax_option\":true}}"),
                Arguments.of("missed_call_alert", "{\"recipients\":[{\"type\":\"email\",\"id\":\"a@b.c\"}]}"),
                Arguments.of("conference", "{\"play_entry_tone\":\"tone_stream://%(200,0,500)\","
                        + "\"play_exit_tone\":false}"),
                Arguments.of("edr", "{\"anything\":{\"goes\":[1,2]}}"),
                Arguments.of("user", "{\"id\":\"u\",\"some_future_key\":1}"),
                Arguments.of("hangup", "{}"));
    }

    @ParameterizedTest
    @MethodSource("goodData")
    void permittedValuesAreAccepted(String module, String data) {
        assertThat(validate(module, data)).isEmpty();
    }
}
