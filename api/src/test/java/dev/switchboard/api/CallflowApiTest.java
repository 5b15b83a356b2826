package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CallflowApiTest {
    private static ApiHarness api;
    private static String base;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        base = "/v2/accounts/" + api.root.id() + "/callflows";
        token = api.rootToken;
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static ObjectNode callflow(String name, String... numbers) {
        ObjectNode cf = Json.object().put("name", name);
        var nums = cf.putArray("numbers");
        for (String n : numbers) {
            nums.add(n);
        }
        cf.putObject("flow").put("module", "answer").putObject("data");
        return cf;
    }

    @Test
    void createsNormalisesNumbersAndInjectsDefaults() {
        ObjectNode cf = callflow("Main", "4125550100");
        ObjectNode userNode = Json.object().put("module", "user");
        userNode.putObject("data").put("id", "u1");
        cf.putObject("flow").put("module", "user").putObject("data").put("id", "u1");
        ApiHarness.Response r = api.put(token, base, cf);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.data().get("numbers").get(0).asString()).isEqualTo("+14125550100");
        assertThat(r.data().get("flow").get("data").get("timeout").asInt()).isEqualTo(20);
        assertThat(r.header("Location")).endsWith(r.data().get("id").asString());
        assertThat(r.body().get("revision").asString()).startsWith("1-");
    }

    @Test
    void needsANumberOrAPattern() {
        ObjectNode cf = callflow("Nothing");
        ApiHarness.Response r = api.put(token, base, cf);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("message").asString()).isEqualTo("validation error");
        assertThat(r.data().get("numbers").get("required").get("message").asString())
                .isEqualTo("Callflows must be assigned at least one number or pattern");
    }

    @Test
    void numbersMustBeAnArray() {
        ObjectNode cf = callflow("Bad");
        cf.put("numbers", "1000");
        ApiHarness.Response r = api.put(token, base, cf);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("numbers").has("type")).isTrue();
    }

    @Test
    void aNumberUsedByAnotherCallflowIsRejectedNamingIt() {
        ApiHarness.Response first = api.put(token, base, callflow("Reception", "2000"));
        String firstId = first.data().get("id").asString();
        ApiHarness.Response second = api.put(token, base, callflow("Other", "2001", "2000"));
        assertThat(second.status()).isEqualTo(400);
        JsonNode unique = second.data().get("numbers").get("unique");
        assertThat(unique.get("message").asString()).isEqualTo("Number 2000 exists in callflow " + firstId + " Reception");
        assertThat(unique.get("cause").asString()).isEqualTo("2000");
        assertThat(api.get(token, base + "?filter_name=Other").data()).isEmpty();
        // the callflow itself may keep its own number on update
        assertThat(api.post(token, base + "/" + firstId, callflow("Reception renamed", "2000")).status()).isEqualTo(200);
    }

    @Test
    void patternsMustBeValidAndUnique() {
        ObjectNode bad = Json.object().put("name", "bad pattern");
        bad.putArray("patterns").add("^*(2");
        bad.putObject("flow").put("module", "answer").putObject("data");
        ApiHarness.Response r = api.put(token, base, bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().toString()).contains("invalid regular expression");

        ObjectNode good = Json.object().put("name", "park");
        good.putArray("patterns").add("^\\*3([0-9]+)$");
        good.putObject("flow").put("module", "answer").putObject("data");
        assertThat(api.put(token, base, good).status()).isEqualTo(201);
        ApiHarness.Response again = api.put(token, base, good.deepCopy().put("name", "park 2"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.data().get("patterns").has("unique")).isTrue();
    }

    @Test
    void anUnknownModuleIsNamedAtItsPath() {
        ObjectNode cf = callflow("Unknown", "2100");
        ObjectNode child = Json.object().put("module", "teleport");
        child.putObject("data");
        ((ObjectNode) cf.get("flow")).putObject("children").set("_", child);
        ApiHarness.Response r = api.put(token, base, cf);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("flow.children._.module").get("error").get("message").asString())
                .isEqualTo("unable to find callflow schema for module teleport");
    }

    @Test
    void badModuleDataIsNamedAtItsPath() {
        ObjectNode cf = callflow("Bad data", "2200");
        ((ObjectNode) cf.get("flow")).put("module", "sleep").putObject("data").put("duration", "long");
        ApiHarness.Response r = api.put(token, base, cf);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().has("flow.data.duration")).isTrue();
    }

    @Test
    void getAddsMetadataOfReferencedDocuments() {
        ObjectNode user = Json.object().put("first_name", "Ada").put("last_name", "Lovelace");
        String userId = api.put(token, "/v2/accounts/" + api.root.id() + "/users", user).data().get("id").asString();
        ObjectNode box = Json.object().put("name", "Ada's box").put("mailbox", "3000");
        String boxId = api.put(token, "/v2/accounts/" + api.root.id() + "/vmboxes", box).data().get("id").asString();
        ObjectNode cf = callflow("Ada", "3000");
        ObjectNode flow = (ObjectNode) cf.get("flow");
        flow.put("module", "user").putObject("data").put("id", userId);
        ObjectNode vm = Json.object().put("module", "voicemail");
        vm.putObject("data").put("id", boxId);
        flow.putObject("children").set("_", vm);
        String id = api.put(token, base, cf).data().get("id").asString();
        JsonNode metadata = api.get(token, base + "/" + id).data().get("metadata");
        assertThat(metadata.get(userId).get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(metadata.get(userId).get("pvt_type").asString()).isEqualTo("user");
        assertThat(metadata.get(boxId).get("pvt_type").asString()).isEqualTo("vmbox");
        // echoing metadata back on save is harmless: it is not stored
        ObjectNode echoed = (ObjectNode) api.get(token, base + "/" + id).data();
        assertThat(api.post(token, base + "/" + id, echoed).status()).isEqualTo(200);
        assertThat(api.store().get(api.root.id(), id).orElseThrow().body().has("metadata")).isFalse();
    }

    @Test
    void copyKeepsTheFlowAndDropsTheNumbers() {
        ObjectNode cf = callflow("Sales", "4000");
        ((ObjectNode) cf.get("flow")).put("module", "sleep").putObject("data").put("duration", 3);
        String id = api.put(token, base, cf).data().get("id").asString();
        ApiHarness.Response copy = api.put(token, base + "?copy_from=" + id, Json.object());
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.data().get("name").asString()).isEqualTo("Sales (copy)");
        assertThat(copy.data().path("numbers").isEmpty()).isTrue();
        assertThat(copy.data().get("flow")).isEqualTo(api.get(token, base + "/" + id).data().get("flow"));
        ObjectNode withNumber = Json.object();
        withNumber.putArray("numbers").add("4001");
        ApiHarness.Response copy2 = api.put(token, base + "?copy_from=" + id, withNumber);
        assertThat(copy2.data().get("numbers").get(0).asString()).isEqualTo("4001");
        assertThat(api.put(token, base + "?copy_from=" + "0".repeat(32), Json.object()).status()).isEqualTo(404);
    }

    @Test
    void listingRowsFollowKazoo() {
        ObjectNode cf = callflow("Listed", "5000");
        ObjectNode flow = (ObjectNode) cf.get("flow");
        ObjectNode skipped = Json.object().put("module", "sleep");
        skipped.putObject("data").put("skip_module", true);
        ObjectNode play = Json.object().put("module", "play");
        play.putObject("data").put("id", "m1");
        flow.putObject("children").set("_", skipped);
        skipped.putObject("children").set("_", play);
        api.put(token, base, cf);
        JsonNode row = api.get(token, base + "?filter_name=Listed").data().get(0);
        assertThat(row.get("numbers").get(0).asString()).isEqualTo("5000");
        assertThat(row.get("featurecode").asBoolean(true)).isFalse();
        assertThat(row.get("modules").toString()).isEqualTo("[\"answer\",\"play\"]");
        assertThat(row.has("flow")).isFalse();
    }

    @Test
    void paginatesWithCursorsAndFilters() {
        String account = "/v2/accounts/" + api.subAccount(api.root, "paging").id() + "/callflows";
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 120; i++) {
            ObjectNode cf = callflow("cf" + i, Integer.toString(6000 + i));
            cf.put("type", i % 2 == 0 ? "even" : "odd");
            created.add(api.put(token, account, cf).data().get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            ApiHarness.Response page = api.get(token, account + (next == null ? "" : "?start_key=" + next));
            pages++;
            page.data().forEach(row -> seen.add(row.get("id").asString()));
            next = page.body().has("next_start_key") ? page.body().get("next_start_key").asString() : null;
            assertThat(page.body().get("page_size").asInt()).isEqualTo(page.data().size());
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(api.get(token, account + "?paginate=false").data()).hasSize(120);
        assertThat(api.get(token, account + "?paginate=false&filter_type=even").data()).hasSize(60);
        assertThat(api.get(token, account + "?paginate=false&filter_not_type=even").data()).hasSize(60);
        assertThat(api.get(token, account + "?page_size=7").data()).hasSize(7);
        assertThat(api.get(token, account + "?page_size=0").status()).isEqualTo(400);
        assertThat(api.get(token, account + "?paginate=false&has_key=type").data()).hasSize(120);
        assertThat(api.get(token, account + "?paginate=false&key_missing=type").data()).isEmpty();
        assertThat(api.get(token, account + "?paginate=false&created_from=1").data()).hasSize(120);
        assertThat(api.get(token, account + "?paginate=false&created_to=1").data()).isEmpty();
    }

    @Test
    void keyOrderOfTheFlowIsKeptExactly() {
        ObjectNode cf = callflow("Order", "7000");
        ObjectNode flow = (ObjectNode) cf.get("flow");
        flow.put("module", "temporal_route").putObject("data");
        ObjectNode children = flow.putObject("children");
        for (String key : List.of("zeta", "alpha", "_", "mid")) {
            ObjectNode node = Json.object().put("module", "answer");
            node.putObject("data");
            children.set(key, node);
        }
        String id = api.put(token, base, cf).data().get("id").asString();
        JsonNode read = api.get(token, base + "/" + id).data().get("flow").get("children");
        assertThat(read.propertyNames()).containsExactly("zeta", "alpha", "_", "mid");
    }

    @Test
    void patchMergesAndNullRemoves() {
        ObjectNode cf = callflow("Patchable", "7100");
        cf.put("type", "main");
        String id = api.put(token, base, cf).data().get("id").asString();
        ApiHarness.Response patched = api.patch(token, base + "/" + id, Json.object().put("name", "Patched").putNull("type"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data().get("name").asString()).isEqualTo("Patched");
        assertThat(patched.data().has("type")).isFalse();
        assertThat(patched.data().get("numbers").get(0).asString()).isEqualTo("7100");
    }

    @Test
    void aStaleRevisionIsAConflict() {
        ApiHarness.Response created = api.put(token, base, callflow("Conflict", "7200"));
        String id = created.data().get("id").asString();
        String rev = created.body().get("revision").asString();
        assertThat(api.sendRaw("POST", base + "/" + id, token, Json.bytes(ApiHarness.envelope(callflow("A", "7200"))),
                "application/json", Map.of("If-Match", rev)).status()).isEqualTo(200);
        ApiHarness.Response stale = api.sendRaw("POST", base + "/" + id, token,
                Json.bytes(ApiHarness.envelope(callflow("B", "7200"))), "application/json", Map.of("If-Match", rev));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("message").asString()).isEqualTo("datastore_conflict");
        assertThat(api.get(token, base + "/" + id).data().get("name").asString()).isEqualTo("A");
    }

    @Test
    void deleteIsSoftAndFreesTheNumber() {
        String id = api.put(token, base, callflow("Doomed", "7300")).data().get("id").asString();
        ApiHarness.Response deleted = api.delete(token, base + "/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("_read_only").get("deleted").asBoolean()).isTrue();
        assertThat(api.get(token, base + "/" + id).status()).isEqualTo(404);
        assertThat(api.delete(token, base + "/" + id).status()).isEqualTo(404);
        assertThat(api.put(token, base, callflow("Reborn", "7300")).status()).isEqualTo(201);
    }
}
