package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.api.auth.PasswordHasher;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ImportExportApiTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Z0-9_]+)}");
    private static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    /** The ten KAZOO example callflows with their {PLACEHOLDER} ids filled in. */
    static List<ObjectNode> kazooExamples() throws IOException {
        Path dir = SharedReference.dir().resolve("kazoo-examples");
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> {
                try {
                    String text = Files.readString(f);
                    Matcher m = PLACEHOLDER.matcher(text);
                    StringBuilder filled = new StringBuilder();
                    while (m.find()) {
                        m.appendReplacement(filled, PasswordHasher.md5Hex(m.group(1)));
                    }
                    m.appendTail(filled);
                    return (ObjectNode) Json.parse(filled.toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void allTenKazooExamplesImportWithoutLosingAField() throws Exception {
        String account = api.subAccount(api.root, "importer").id();
        List<ObjectNode> examples = kazooExamples();
        assertThat(examples).hasSize(10);
        ArrayNode docs = Json.array();
        examples.forEach(e -> docs.add(e.deepCopy()));
        ApiHarness.Response r = api.put(api.rootToken, "/v2/accounts/" + account + "/import",
                Json.object().set("documents", docs));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().get("rejected").asInt()).as(r.data().toString()).isZero();
        assertThat(r.data().get("created").asInt()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            String id = r.data().get("documents").get(i).get("id").asString();
            JsonNode stored = api.get(api.rootToken, "/v2/accounts/" + account + "/callflows/" + id).data();
            ObjectNode original = examples.get(i);
            for (Map.Entry<String, JsonNode> field : original.properties()) {
                String key = field.getKey();
                if (RequestBody.isPrivate(key) || key.equals("metadata")) {
                    continue;
                }
                assertThat(isSubset(field.getValue(), stored.get(key))).as("example %d field %s", i + 1, key).isTrue();
            }
        }
        String example02Id = "34396ff84198c03df70b6f5073f04a38";
        assertThat(api.get(api.rootToken, "/v2/accounts/" + account + "/callflows/" + example02Id).status())
                .as("the document's own _id is kept").isEqualTo(200);
    }

    @Test
    void exportThenImportIntoAnotherAccountRoundTrips() {
        String from = api.subAccount(api.root, "export-from").id();
        String to = api.server().accountService().create(api.root, Json.object().put("name", "export-to")).id();
        ObjectNode user = Json.object().put("first_name", "Grace").put("last_name", "Hopper");
        api.put(api.rootToken, "/v2/accounts/" + from + "/users", user);
        ObjectNode cf = Json.object().put("name", "Grace");
        cf.putArray("numbers").add("1234");
        cf.putObject("flow").put("module", "answer").putObject("data");
        api.put(api.rootToken, "/v2/accounts/" + from + "/callflows", cf);
        JsonNode bundle = api.get(api.rootToken, "/v2/accounts/" + from + "/export").data();
        JsonNode docs = bundle.get("documents");
        assertThat(docs.size()).isGreaterThanOrEqualTo(3);
        ApiHarness.Response imported = api.put(api.rootToken, "/v2/accounts/" + to + "/import",
                Json.object().set("documents", docs));
        assertThat(imported.data().get("rejected").asInt()).as(imported.data().toString()).isZero();
        JsonNode again = api.get(api.rootToken, "/v2/accounts/" + to + "/export").data().get("documents");
        assertThat(again).isEqualTo(docs);
        ApiHarness.Response twice = api.put(api.rootToken, "/v2/accounts/" + to + "/import",
                Json.object().set("documents", docs));
        assertThat(twice.data().get("updated").asInt()).isEqualTo(docs.size());
    }

    @Test
    void eachBadDocumentIsRejectedOnItsOwn() {
        String account = api.subAccount(api.root, "partial").id();
        ObjectNode good = Json.object().put("name", "ok").put("pvt_type", "callflow");
        good.putArray("numbers").add("100");
        good.putObject("flow").put("module", "answer").putObject("data");
        ObjectNode noNumbers = Json.object().put("name", "no numbers");
        noNumbers.putObject("flow").put("module", "answer").putObject("data");
        ObjectNode unknown = Json.object().put("colour", "blue");
        ObjectNode duplicate = good.deepCopy().put("name", "dup");
        ArrayNode docs = Json.array().add(good).add(noNumbers).add(unknown).add(duplicate).add("not an object");
        ApiHarness.Response r = api.put(api.rootToken, "/v2/accounts/" + account + "/import",
                Json.object().set("documents", docs));
        assertThat(r.status()).isEqualTo(200);
        JsonNode rows = r.data().get("documents");
        assertThat(rows.get(0).get("status").asString()).isEqualTo("created");
        assertThat(rows.get(1).get("errors").get("numbers").has("required")).isTrue();
        assertThat(rows.get(2).get("errors").has("pvt_type")).isTrue();
        assertThat(rows.get(3).get("errors").get("numbers").has("unique")).isTrue();
        assertThat(rows.get(4).get("status").asString()).isEqualTo("rejected");
        assertThat(r.data().get("created").asInt()).isEqualTo(1);
        assertThat(r.data().get("rejected").asInt()).isEqualTo(4);
        assertThat(api.get(api.rootToken, "/v2/accounts/" + account + "/callflows?paginate=false").data()).hasSize(1);
    }

    private static boolean isSubset(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : expected.properties()) {
                if (!isSubset(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!isSubset(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}
