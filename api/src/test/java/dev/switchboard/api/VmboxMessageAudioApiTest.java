package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A message's audio over HTTP: WAV or MP3 on the way out, MP3 on the way in when so configured, purge and zip. */
class VmboxMessageAudioApiTest {
    private static ApiHarness api;
    private static ApiHarness mp3Api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        mp3Api = new ApiHarness(ApiConfig.defaults().withMessagesAsMp3(true));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        mp3Api.close();
    }

    private static String vmboxes(ApiHarness on) {
        return "/v2/accounts/" + on.root.id() + "/vmboxes";
    }

    private static String box(ApiHarness on, String mailbox) {
        return on.put(on.rootToken, vmboxes(on), Json.object().put("name", "b" + mailbox).put("mailbox", mailbox))
                .data().get("id").asString();
    }

    /** A message with audio; returns its path. */
    private static String message(ApiHarness on, String box, byte[] audio) {
        String id = on.put(on.rootToken, vmboxes(on) + "/" + box + "/messages",
                Json.object().put("caller_id_number", "+15555550100").put("length", 2000)).data().get("id").asString();
        String path = vmboxes(on) + "/" + box + "/messages/" + id;
        ApiHarness.Response up = on.sendRaw("PUT", path + "/raw", on.rootToken, audio, "audio/wav", Map.of());
        assertThat(up.status()).as(up.body().toString()).isEqualTo(200);
        return path;
    }

    private static JsonNode listed(ApiHarness on, String box) {
        for (JsonNode row : on.get(on.rootToken, vmboxes(on) + "?paginate=false").data()) {
            if (row.get("id").asString().equals(box)) {
                return row;
            }
        }
        throw new AssertionError("box " + box + " is not listed");
    }

    @Test
    void theAudioIsWavByDefaultAndMp3WhenAskedByQueryOrAccept() {
        byte[] wav = Wav.tone(2000, 440);
        String path = message(api, box(api, "7100"), wav);

        ApiHarness.Response plain = api.get(api.rootToken, path + "/raw");
        assertThat(plain.header("Content-Type")).startsWith("audio/wav");
        assertThat(plain.raw()).isEqualTo(wav);
        assertThat(api.sendRaw("GET", path + "/raw?format=wav", api.rootToken, null, "audio/wav", Map.of()).raw())
                .isEqualTo(wav);

        ApiHarness.Response byQuery = api.get(api.rootToken, path + "/raw?format=mp3");
        assertThat(byQuery.status()).isEqualTo(200);
        assertThat(byQuery.header("Content-Type")).startsWith("audio/mpeg");
        assertThat(AudioFormat.sniff(byQuery.raw())).contains("audio/mpeg");
        ApiHarness.Response byAccept = api.sendRaw("GET", path + "/raw", api.rootToken, null, "application/json",
                Map.of("Accept", "audio/mpeg"));
        assertThat(byAccept.header("Content-Type")).startsWith("audio/mpeg");
        assertThat(byAccept.raw()).isEqualTo(byQuery.raw());

        ApiHarness.Response flac = api.get(api.rootToken, path + "/raw?format=flac");
        assertThat(flac.status()).isEqualTo(400);
        assertThat(flac.data().get("format").has("enum")).isTrue();
    }

    @Test
    void configuredForMp3AWavUploadIsStoredAsMp3() {
        String path = message(mp3Api, box(mp3Api, "7200"), Wav.tone(1500, 440));
        JsonNode meta = mp3Api.get(mp3Api.rootToken, path).data();
        assertThat(meta.get("content_type").asString()).isEqualTo("audio/mpeg");
        ApiHarness.Response raw = mp3Api.get(mp3Api.rootToken, path + "/raw");
        assertThat(raw.header("Content-Type")).startsWith("audio/mpeg");
        assertThat(AudioFormat.sniff(raw.raw())).contains("audio/mpeg");
        ApiHarness.Response wav = mp3Api.get(mp3Api.rootToken, path + "/raw?format=wav");
        assertThat(wav.status()).isEqualTo(406);
        assertThat(wav.data().get("message").asString()).contains("stored as audio/mpeg");
    }

    @Test
    void theListingCountsNewAndSavedMessages() {
        String box = box(api, "7300");
        String a = message(api, box, Wav.tone(600, 440));
        message(api, box, Wav.tone(600, 440));
        String c = message(api, box, Wav.tone(600, 440));
        api.post(api.rootToken, a, Json.object().put("folder", "saved"));
        api.delete(api.rootToken, c);
        JsonNode row = listed(api, box);
        assertThat(row.get("messages").asInt()).isEqualTo(2);
        assertThat(row.get("new_messages").asInt()).isEqualTo(1);
        assertThat(row.get("saved_messages").asInt()).isEqualTo(1);
    }

    @Test
    void purgeRemovesAMessageAndItsAudioWhileDeleteOnlyFilesItAway() {
        String box = box(api, "7400");
        String kept = message(api, box, Wav.tone(600, 440));
        String gone = message(api, box, Wav.tone(600, 440));

        assertThat(api.delete(api.rootToken, kept).data().get("folder").asString()).isEqualTo("deleted");
        assertThat(api.get(api.rootToken, kept + "/raw").status()).isEqualTo(200);

        ApiHarness.Response purged = api.delete(api.rootToken, gone + "?purge=true");
        assertThat(purged.status()).isEqualTo(200);
        assertThat(api.get(api.rootToken, gone).status()).isEqualTo(404);
        assertThat(api.get(api.rootToken, gone + "/raw").status()).isEqualTo(404);
        String id = gone.substring(gone.lastIndexOf('/') + 1);
        assertThat(api.store().attachment(api.root.id(), id, "audio")).isEmpty();
        assertThat(api.get(api.rootToken, vmboxes(api) + "/" + box + "/messages").data().findValuesAsString("id"))
                .containsExactly(kept.substring(kept.lastIndexOf('/') + 1));

        assertThat(api.delete(api.rootToken, kept + "?purge=maybe").status()).isEqualTo(400);
        ApiHarness.Response all = api.delete(api.rootToken, vmboxes(api) + "/" + box + "/messages?purge=true");
        assertThat(all.status()).isEqualTo(200);
        assertThat(api.get(api.rootToken, vmboxes(api) + "/" + box + "/messages").data()).isEmpty();
    }

    @Test
    void messagesOfEveryBoxCanBeFilteredByFolder() {
        String one = box(api, "7500");
        String two = box(api, "7501");
        String saved = message(api, one, Wav.tone(600, 440));
        message(api, two, Wav.tone(600, 440));
        api.post(api.rootToken, saved, Json.object().put("folder", "saved"));
        JsonNode savedOnes = api.get(api.rootToken, vmboxes(api) + "/messages?folder=saved").data();
        assertThat(savedOnes.findValuesAsString("id")).contains(saved.substring(saved.lastIndexOf('/') + 1));
        assertThat(savedOnes.findValuesAsString("folder")).containsOnly("saved");
        assertThat(api.get(api.rootToken, vmboxes(api) + "/messages?folder=trash").status()).isEqualTo(400);
    }

    @Test
    void theAudioOfSeveralMessagesComesAsOneZip() throws Exception {
        String box = box(api, "7600");
        byte[] first = Wav.tone(600, 440);
        byte[] second = Wav.tone(700, 880);
        String a = message(api, box, first);
        String b = message(api, box, second);
        ObjectNode wanted = Json.object();
        wanted.putArray("messages").add(a.substring(a.lastIndexOf('/') + 1)).add(b.substring(b.lastIndexOf('/') + 1));

        ApiHarness.Response zip = api.post(api.rootToken, vmboxes(api) + "/" + box + "/messages/raw", wanted);
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).startsWith("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.raw()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsOnlyKeys(a.substring(a.lastIndexOf('/') + 1) + ".wav",
                b.substring(b.lastIndexOf('/') + 1) + ".wav");
        assertThat(entries.get(a.substring(a.lastIndexOf('/') + 1) + ".wav")).isEqualTo(first);
        assertThat(api.post(api.rootToken, vmboxes(api) + "/" + box + "/messages/raw", Json.object()).status())
                .isEqualTo(400);
    }
}
