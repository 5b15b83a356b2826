package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Voicemail messages of a box: metadata, audio, folders, counts, and the boundaries between boxes. */
class VmboxMessagesApiTest {
    private static ApiHarness api;
    private static String vmboxes;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        vmboxes = "/v2/accounts/" + api.root.id() + "/vmboxes";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String newBox(String mailbox) {
        ApiHarness.Response r = api.put(api.rootToken, vmboxes, Json.object().put("name", "box " + mailbox)
                .put("mailbox", mailbox));
        assertThat(r.status()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    private static JsonNode leave(String box, String callerNumber, long timestamp) {
        ObjectNode meta = Json.object().put("caller_id_number", callerNumber).put("caller_id_name", "Caller " + callerNumber)
                .put("length", 4000).put("timestamp", timestamp);
        ApiHarness.Response r = api.put(api.rootToken, vmboxes + "/" + box + "/messages", meta);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data();
    }

    private static JsonNode messages(String box) {
        return api.get(api.rootToken, vmboxes + "/" + box + "/messages").data();
    }

    private static int countInListing(String box) {
        for (JsonNode row : api.get(api.rootToken, vmboxes + "?paginate=false").data()) {
            if (row.get("id").asString().equals(box)) {
                return row.get("messages").asInt();
            }
        }
        throw new AssertionError("box " + box + " is not listed");
    }

    @Test
    void aNewMessageIsInTheNewFolderWithItsMediaAndTime() {
        String box = newBox("6100");
        ObjectNode meta = Json.object().put("caller_id_number", "+14155550100").put("caller_id_name", "Ada")
                .put("length", 12_000).put("pvt_hidden", "x");
        ApiHarness.Response r = api.put(api.rootToken, vmboxes + "/" + box + "/messages", meta);
        assertThat(r.status()).isEqualTo(201);
        JsonNode message = r.data();
        String id = message.get("id").asString();
        assertThat(message.get("folder").asString()).isEqualTo("new");
        assertThat(message.get("media_id").asString()).isEqualTo(id);
        assertThat(message.get("caller_id_name").asString()).isEqualTo("Ada");
        assertThat(message.get("length").asInt()).isEqualTo(12_000);
        long gregorianNow = System.currentTimeMillis() / 1000 + Document.GREGORIAN_UNIX_OFFSET;
        assertThat(message.get("timestamp").asLong()).isBetween(gregorianNow - 60, gregorianNow + 60);
        assertThat(message.has("pvt_hidden")).isFalse();
        assertThat(r.header("Location")).isEqualTo(vmboxes + "/" + box + "/messages/" + id);

        ApiHarness.Response read = api.get(api.rootToken, vmboxes + "/" + box + "/messages/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().get("caller_id_number").asString()).isEqualTo("+14155550100");
        assertThat(countInListing(box)).isEqualTo(1);
    }

    @Test
    void theAudioOfAMessageGoesUpAndComesBack() {
        String box = newBox("6200");
        String id = leave(box, "1001", 63_900_000_000L).get("id").asString();
        String raw = vmboxes + "/" + box + "/messages/" + id + "/raw";
        assertThat(api.get(api.rootToken, raw).status()).isEqualTo(404);
        byte[] wav = Wav.tone(2000, 350);
        ApiHarness.Response up = api.sendRaw("PUT", raw, api.rootToken, wav, "audio/wav", Map.of());
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.data().get("content_type").asString()).isEqualTo("audio/wav");
        ApiHarness.Response down = api.get(api.rootToken, raw);
        assertThat(down.header("Content-Type")).startsWith("audio/wav");
        assertThat(down.raw()).isEqualTo(wav);
        ApiHarness.Response text = api.sendRaw("PUT", raw, api.rootToken, "not audio".getBytes(), "text/plain",
                Map.of());
        assertThat(text.status()).isEqualTo(415);
        assertThat(api.get(api.rootToken, raw).raw()).isEqualTo(wav);
    }

    @Test
    void messagesAreListedNewestFirst() {
        String box = newBox("6300");
        leave(box, "1", 63_900_000_100L);
        leave(box, "3", 63_900_000_300L);
        leave(box, "2", 63_900_000_200L);
        JsonNode list = messages(box);
        assertThat(list.findValuesAsString("caller_id_number")).containsExactly("3", "2", "1");
        assertThat(countInListing(box)).isEqualTo(3);
    }

    @Test
    void messagesMoveBetweenFoldersOneAtATimeOrTogether() {
        String box = newBox("6400");
        String a = leave(box, "a", 63_900_000_001L).get("id").asString();
        String b = leave(box, "b", 63_900_000_002L).get("id").asString();
        String c = leave(box, "c", 63_900_000_003L).get("id").asString();

        ApiHarness.Response saved = api.post(api.rootToken, vmboxes + "/" + box + "/messages/" + a,
                Json.object().put("folder", "saved"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.data().get("folder").asString()).isEqualTo("saved");
        assertThat(countInListing(box)).as("saved messages still count").isEqualTo(3);

        ObjectNode bulk = Json.object().put("folder", "saved");
        bulk.putArray("messages").add(b).add(c);
        ApiHarness.Response moved = api.post(api.rootToken, vmboxes + "/" + box + "/messages", bulk);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.data().get("messages").toString()).contains(b, c).doesNotContain(a);
        assertThat(api.get(api.rootToken, vmboxes + "/" + box + "/messages?folder=saved").data()).hasSize(3);
        assertThat(api.get(api.rootToken, vmboxes + "/" + box + "/messages?folder=new").data()).isEmpty();

        ApiHarness.Response deleted = api.delete(api.rootToken, vmboxes + "/" + box + "/messages/" + b);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.data().get("folder").asString()).isEqualTo("deleted");
        assertThat(countInListing(box)).as("deleted messages do not count").isEqualTo(2);
        assertThat(api.get(api.rootToken, vmboxes + "/" + box + "/messages/" + b).data().get("folder").asString())
                .isEqualTo("deleted");

        ApiHarness.Response all = api.delete(api.rootToken, vmboxes + "/" + box + "/messages");
        assertThat(all.status()).isEqualTo(200);
        assertThat(countInListing(box)).isZero();
    }

    @Test
    void messagesOfEveryBoxAreListedTogether() {
        String account = api.subAccount(api.root, "all-boxes").id();
        String boxes = "/v2/accounts/" + account + "/vmboxes";
        String first = api.put(api.rootToken, boxes, Json.object().put("name", "one").put("mailbox", "1"))
                .data().get("id").asString();
        String second = api.put(api.rootToken, boxes, Json.object().put("name", "two").put("mailbox", "2"))
                .data().get("id").asString();
        api.put(api.rootToken, boxes + "/" + first + "/messages", Json.object().put("caller_id_number", "x"));
        api.put(api.rootToken, boxes + "/" + second + "/messages", Json.object().put("caller_id_number", "y"));
        api.put(api.rootToken, boxes + "/" + second + "/messages", Json.object().put("caller_id_number", "z"));
        ApiHarness.Response r = api.get(api.rootToken, boxes + "/messages");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.data().findValuesAsString("caller_id_number")).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(r.data().findValuesAsString("source_id")).containsOnly(first, second);
    }

    @Test
    void aFolderOutsideTheListIsRefused() {
        String box = newBox("6500");
        String id = leave(box, "1", 63_900_000_001L).get("id").asString();
        for (ApiHarness.Response r : List.of(
                api.post(api.rootToken, vmboxes + "/" + box + "/messages/" + id, Json.object().put("folder", "archive")),
                api.post(api.rootToken, vmboxes + "/" + box + "/messages/" + id, Json.object()),
                api.post(api.rootToken, vmboxes + "/" + box + "/messages", Json.object().put("folder", "trash")),
                api.put(api.rootToken, vmboxes + "/" + box + "/messages", Json.object().put("folder", "archive")))) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("message").asString()).isEqualTo("validation error");
            assertThat(r.data().get("folder").has("enum")).isTrue();
        }
        assertThat(messages(box)).hasSize(1);
        assertThat(messages(box).get(0).get("folder").asString()).isEqualTo("new");
    }

    @Test
    void badMessageMetadataIsNamed() {
        String box = newBox("6600");
        ApiHarness.Response r = api.put(api.rootToken, vmboxes + "/" + box + "/messages",
                Json.object().put("length", "long"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("length").has("type")).isTrue();
        leave(box, "1", 63_900_000_001L);
        ObjectNode notAList = Json.object().put("folder", "saved").put("messages", "all of them");
        ObjectNode notIds = Json.object().put("folder", "saved");
        notIds.putArray("messages").addObject().put("id", "x");
        for (ObjectNode bad : List.of(notAList, notIds)) {
            ApiHarness.Response bulk = api.post(api.rootToken, vmboxes + "/" + box + "/messages", bad);
            assertThat(bulk.status()).isEqualTo(400);
            assertThat(bulk.data().get("messages").has("type")).isTrue();
        }
        assertThat(messages(box).findValuesAsString("folder")).containsExactly("new");
    }

    @Test
    void aMessageOfAnotherBoxIsNotFoundHere() {
        String mine = newBox("6700");
        String other = newBox("6701");
        String theirs = leave(other, "secret", 63_900_000_001L).get("id").asString();
        String path = vmboxes + "/" + mine + "/messages/" + theirs;
        for (ApiHarness.Response r : List.of(api.get(api.rootToken, path),
                api.post(api.rootToken, path, Json.object().put("folder", "saved")),
                api.delete(api.rootToken, path),
                api.get(api.rootToken, path + "/raw"),
                api.sendRaw("PUT", path + "/raw", api.rootToken, Wav.tone(100, 440), "audio/wav", Map.of()))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("message").asString()).isEqualTo("bad_identifier");
            assertThat(r.data().get("cause").asString()).isEqualTo(theirs);
        }
        ObjectNode bulk = Json.object().put("folder", "deleted");
        bulk.putArray("messages").add(theirs);
        ApiHarness.Response moved = api.post(api.rootToken, vmboxes + "/" + mine + "/messages", bulk);
        assertThat(moved.data().get("messages")).isEmpty();
        assertThat(messages(other).get(0).get("folder").asString()).isEqualTo("new");
        assertThat(api.get(api.rootToken, vmboxes + "/" + "0".repeat(32) + "/messages").status()).isEqualTo(404);
    }

    @Test
    void aPlainUserReadsMessagesButCannotChangeThem() {
        api.createUser(api.root.id(), "reader", "reader-pw", false);
        String token = api.login("reader", "reader-pw", "root");
        String box = newBox("6800");
        String id = leave(box, "1", 63_900_000_001L).get("id").asString();
        assertThat(api.get(token, vmboxes + "/" + box + "/messages").status()).isEqualTo(200);
        assertThat(api.put(token, vmboxes + "/" + box + "/messages", Json.object()).status()).isEqualTo(403);
        assertThat(api.post(token, vmboxes + "/" + box + "/messages/" + id, Json.object().put("folder", "saved"))
                .status()).isEqualTo(403);
        assertThat(api.delete(token, vmboxes + "/" + box + "/messages/" + id).status()).isEqualTo(403);
        assertThat(messages(box).get(0).get("folder").asString()).isEqualTo("new");
    }
}
