package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Entries of a match list: their whole life under their list, and never reachable under another. */
class ListEntriesApiTest {
    private static ApiHarness api;
    private static String lists;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        lists = "/v2/accounts/" + api.root.id() + "/lists";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String newList(String name) {
        return api.put(api.rootToken, lists, Json.object().put("name", name)).data().get("id").asString();
    }

    private static String add(String list, ObjectNode entry) {
        ApiHarness.Response r = api.put(api.rootToken, lists + "/" + list + "/entries", entry);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    @Test
    void anEntryLivesItsWholeLifeUnderItsList() {
        String list = newList("blocked callers");
        String other = newList("vip callers");
        ObjectNode entry = Json.object().put("number", "+14155550100").put("displayname", "Spam Co")
                .put("list_id", other).put("pvt_x", "hidden");
        ApiHarness.Response created = api.put(api.rootToken, lists + "/" + list + "/entries", entry);
        assertThat(created.status()).isEqualTo(201);
        String id = created.data().get("id").asString();
        String item = lists + "/" + list + "/entries/" + id;
        assertThat(created.header("Location")).isEqualTo(item);
        assertThat(created.body().get("revision").asString()).startsWith("1-");
        assertThat(created.data().get("list_id").asString()).as("the URL's list wins").isEqualTo(list);
        assertThat(created.data().has("pvt_x")).isFalse();

        ApiHarness.Response read = api.get(api.rootToken, item);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().get("displayname").asString()).isEqualTo("Spam Co");
        add(list, Json.object().put("prefix", "+1900"));
        JsonNode all = api.get(api.rootToken, lists + "/" + list + "/entries").data();
        assertThat(all).hasSize(2);
        assertThat(all.findValuesAsString("list_id")).containsOnly(list);
        assertThat(api.get(api.rootToken, lists + "/" + other + "/entries").data()).isEmpty();

        ApiHarness.Response replaced = api.post(api.rootToken, item, Json.object().put("prefix", "+1415555")
                .put("list_id", other));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.data().has("number")).isFalse();
        assertThat(replaced.data().get("list_id").asString()).isEqualTo(list);
        assertThat(replaced.body().get("revision").asString()).startsWith("2-");

        ApiHarness.Response patched = api.patch(api.rootToken, item, Json.object().put("displayname", "Robo")
                .putNull("prefix").put("number", "+14155550111"));
        assertThat(patched.data().get("displayname").asString()).isEqualTo("Robo");
        assertThat(patched.data().has("prefix")).isFalse();
        assertThat(patched.data().get("number").asString()).isEqualTo("+14155550111");

        ApiHarness.Response deleted = api.delete(api.rootToken, item);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("_read_only").get("deleted").asBoolean()).isTrue();
        assertThat(api.get(api.rootToken, item).status()).isEqualTo(404);
        assertThat(api.get(api.rootToken, lists + "/" + list + "/entries").data()).hasSize(1);
    }

    @Test
    void anEntryOfAnotherListIsNotFoundHere() {
        String mine = newList("mine");
        String theirs = newList("theirs");
        String entry = add(theirs, Json.object().put("number", "+14155550123").put("name", "kept"));
        String path = lists + "/" + mine + "/entries/" + entry;
        for (ApiHarness.Response r : List.of(api.get(api.rootToken, path),
                api.post(api.rootToken, path, Json.object().put("name", "moved")),
                api.patch(api.rootToken, path, Json.object().put("name", "moved")),
                api.delete(api.rootToken, path))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("message").asString()).isEqualTo("bad_identifier");
            assertThat(r.data().get("cause").asString()).isEqualTo(entry);
        }
        JsonNode still = api.get(api.rootToken, lists + "/" + theirs + "/entries/" + entry).data();
        assertThat(still.get("name").asString()).isEqualTo("kept");
        assertThat(still.get("list_id").asString()).isEqualTo(theirs);
    }

    @Test
    void entriesOfAnUnknownOrDeletedListAreNotFound() {
        String unknown = "0".repeat(32);
        ApiHarness.Response r = api.put(api.rootToken, lists + "/" + unknown + "/entries", Json.object().put("number", "1"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.data().get("cause").asString()).isEqualTo(unknown);
        assertThat(api.get(api.rootToken, lists + "/" + unknown + "/entries").status()).isEqualTo(404);

        String doomed = newList("doomed");
        String entry = add(doomed, Json.object().put("number", "2"));
        api.delete(api.rootToken, lists + "/" + doomed);
        assertThat(api.get(api.rootToken, lists + "/" + doomed + "/entries").status()).isEqualTo(404);
        assertThat(api.get(api.rootToken, lists + "/" + doomed + "/entries/" + entry).status()).isEqualTo(404);
    }

    @Test
    void badEntriesAreNamedAndNotStored() {
        String list = newList("strict");
        ApiHarness.Response r = api.put(api.rootToken, lists + "/" + list + "/entries",
                Json.object().put("number", "1").put("capture_group_length", "two"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("capture_group_length").has("type")).isTrue();
        ApiHarness.Response zero = api.put(api.rootToken, lists + "/" + list + "/entries",
                Json.object().put("number", "1").put("capture_group_length", 0));
        assertThat(zero.data().get("capture_group_length").has("minimum")).isTrue();
        assertThat(api.get(api.rootToken, lists + "/" + list + "/entries").data()).isEmpty();
    }

    @Test
    void aStaleRevisionIsAConflict() {
        String list = newList("revisions");
        ApiHarness.Response created = api.put(api.rootToken, lists + "/" + list + "/entries",
                Json.object().put("number", "1"));
        String item = lists + "/" + list + "/entries/" + created.data().get("id").asString();
        String first = created.body().get("revision").asString();
        assertThat(api.patch(api.rootToken, item, Json.object().put("name", "fresh")).status()).isEqualTo(200);
        ApiHarness.Response stale = api.sendRaw("PATCH", item, api.rootToken,
                Json.bytes(ApiHarness.envelope(Json.object().put("name", "stale"))), "application/json",
                Map.of("If-Match", first));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get(api.rootToken, item).data().get("name").asString()).isEqualTo("fresh");
    }

    @Test
    void aPlainUserReadsEntriesButCannotChangeThem() {
        api.createUser(api.root.id(), "viewer", "viewer-pw", false);
        String token = api.login("viewer", "viewer-pw", "root");
        String list = newList("read only");
        String entry = add(list, Json.object().put("number", "1"));
        String item = lists + "/" + list + "/entries/" + entry;
        assertThat(api.get(token, item).status()).isEqualTo(200);
        assertThat(api.put(token, lists + "/" + list + "/entries", Json.object().put("number", "2")).status())
                .isEqualTo(403);
        assertThat(api.post(token, item, Json.object().put("number", "3")).status()).isEqualTo(403);
        assertThat(api.patch(token, item, Json.object().put("number", "3")).status()).isEqualTo(403);
        assertThat(api.delete(token, item).status()).isEqualTo(403);
        assertThat(api.get(api.rootToken, lists + "/" + list + "/entries").data().findValuesAsString("number"))
                .containsExactly("1");
    }
}
