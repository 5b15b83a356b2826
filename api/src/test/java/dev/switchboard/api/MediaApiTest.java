package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;

/** Media documents and their audio, over a server that takes uploads of at most 64 KiB. */
class MediaApiTest {
    private static final int LIMIT = 64 * 1024;
    private static ApiHarness api;
    private static String media;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(ApiConfig.defaults().withMaxMediaBytes(LIMIT));
        media = "/v2/accounts/" + api.root.id() + "/media";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String newMedia(String name) {
        ApiHarness.Response r = api.put(api.rootToken, media, Json.object().put("name", name)
                .put("media_source", "upload"));
        assertThat(r.status()).isEqualTo(201);
        return r.data().get("id").asString();
    }

    private static ApiHarness.Response upload(String id, byte[] bytes, String contentType) {
        return api.sendRaw("POST", media + "/" + id + "/raw", api.rootToken, bytes, contentType, Map.of());
    }

    @Test
    void aWavUploadIsStoredAndReadBackUnchanged() {
        String id = newMedia("greeting");
        byte[] wav = Wav.tone(1000, 440);
        ApiHarness.Response up = upload(id, wav, "audio/wav");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.data().get("content_type").asString()).isEqualTo("audio/wav");
        assertThat(up.data().get("content_length").asLong()).isEqualTo(wav.length);
        assertThat(up.body().get("revision").asString()).startsWith("2-");

        JsonNode doc = api.get(api.rootToken, media + "/" + id).data();
        assertThat(doc.get("content_type").asString()).isEqualTo("audio/wav");
        assertThat(doc.get("content_length").asLong()).isEqualTo(wav.length);

        ApiHarness.Response down = api.get(api.rootToken, media + "/" + id + "/raw");
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.header("Content-Type")).startsWith("audio/wav");
        assertThat(down.raw()).isEqualTo(wav);
    }

    @Test
    void theAudioIsRecognisedByItsBytesNotByWhatTheClientClaims() {
        String id = newMedia("mislabelled");
        byte[] wav = Wav.tone(200, 1000);
        assertThat(upload(id, wav, "application/octet-stream").data().get("content_type").asString())
                .isEqualTo("audio/wav");
        ApiHarness.Response replaced = api.sendRaw("PUT", media + "/" + id + "/raw", api.rootToken,
                Wav.tone(300, 500), "audio/x-wav", Map.of());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(api.get(api.rootToken, media + "/" + id + "/raw").raw()).isEqualTo(Wav.tone(300, 500));
    }

    @Test
    void aTextFileIsRefusedWith415AndTheOldAudioStays() {
        String id = newMedia("not audio");
        byte[] wav = Wav.tone(500, 440);
        upload(id, wav, "audio/wav");
        for (String claimed : new String[] {"text/plain", "audio/wav"}) {
            ApiHarness.Response r = upload(id, "hello, this is not audio\n".getBytes(StandardCharsets.UTF_8), claimed);
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.body().get("message").asString()).isEqualTo("unsupported_media_type");
            assertThat(r.data().get("message").asString()).contains("WAV, MP3 or Ogg");
        }
        assertThat(api.get(api.rootToken, media + "/" + id + "/raw").raw()).isEqualTo(wav);
        assertThat(api.get(api.rootToken, media + "/" + id).data().get("content_length").asLong()).isEqualTo(wav.length);
    }

    @Test
    void anOversizedUploadIsRefusedWith413AndTheOldAudioStays() {
        String id = newMedia("too long");
        byte[] wav = Wav.tone(1000, 440);
        upload(id, wav, "audio/wav");
        byte[] tooLong = Wav.tone(5000, 440);
        assertThat(tooLong.length).isGreaterThan(LIMIT);

        ApiHarness.Response declared = upload(id, tooLong, "audio/wav");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().get("message").asString()).isEqualTo("request_too_large");
        assertThat(declared.data().get("message").asString()).contains(Integer.toString(LIMIT));

        ApiHarness.Response chunked = api.sendChunked("POST", media + "/" + id + "/raw", api.rootToken, tooLong,
                "audio/wav");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.data().get("message").asString()).contains(Integer.toString(LIMIT));

        ApiHarness.Response beyondTheServerCap = api.sendChunked("POST", media + "/" + id + "/raw", api.rootToken,
                Wav.tone(80_000, 440), "audio/wav");
        assertThat(beyondTheServerCap.status()).isEqualTo(413);
        assertThat(beyondTheServerCap.body().get("status").asString()).isEqualTo("error");

        assertThat(api.get(api.rootToken, media + "/" + id + "/raw").raw()).isEqualTo(wav);
        assertThat(api.get(api.rootToken, media + "/" + id).data().get("content_length").asLong()).isEqualTo(wav.length);
    }

    @Test
    void anEmptyUploadIsRefused() {
        String id = newMedia("empty");
        ApiHarness.Response r = upload(id, new byte[0], "audio/wav");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().get("message").asString()).isEqualTo("no audio was sent");
        assertThat(api.get(api.rootToken, media + "/" + id).data().has("content_type")).isFalse();
    }

    @Test
    void audioOfUnknownMediaOrOfMediaWithoutAudioIs404() {
        String unknown = "0".repeat(32);
        ApiHarness.Response up = upload(unknown, Wav.tone(100, 440), "audio/wav");
        assertThat(up.status()).isEqualTo(404);
        assertThat(up.body().get("message").asString()).isEqualTo("bad_identifier");
        assertThat(api.get(api.rootToken, media + "/" + unknown + "/raw").status()).isEqualTo(404);

        String silent = newMedia("silent");
        ApiHarness.Response none = api.get(api.rootToken, media + "/" + silent + "/raw");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.data().get("message").asString()).isEqualTo("no audio has been uploaded");

        String gone = newMedia("gone");
        upload(gone, Wav.tone(100, 440), "audio/wav");
        api.delete(api.rootToken, media + "/" + gone);
        assertThat(api.get(api.rootToken, media + "/" + gone + "/raw").status()).isEqualTo(404);
    }

    @Test
    void aPlainUserCannotUpload() {
        api.createUser(api.root.id(), "listener", "listener-pw", false);
        String token = api.login("listener", "listener-pw", "root");
        String id = newMedia("guarded");
        byte[] wav = Wav.tone(100, 440);
        upload(id, wav, "audio/wav");
        ApiHarness.Response r = api.sendRaw("POST", media + "/" + id + "/raw", token, Wav.tone(200, 300), "audio/wav",
                Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(api.get(token, media + "/" + id + "/raw").raw()).isEqualTo(wav);
    }

    @Test
    void promptsAndLanguagesAreListed() {
        String account = api.subAccount(api.root, "prompts").id();
        String base = "/v2/accounts/" + account + "/media";
        api.put(api.rootToken, base, Json.object().put("name", "plain").put("media_source", "upload"));
        api.put(api.rootToken, base, Json.object().put("name", "vm greeting fr").put("media_source", "upload")
                .put("prompt_id", "vm-enter_pass").put("language", "fr-FR"));
        api.put(api.rootToken, base, Json.object().put("name", "vm greeting de").put("media_source", "upload")
                .put("prompt_id", "vm-enter_pass").put("language", "de-de"));

        JsonNode prompts = api.get(api.rootToken, base + "/prompts").data();
        assertThat(prompts).hasSize(2);
        prompts.forEach(p -> {
            assertThat(p.get("prompt_id").asString()).isEqualTo("vm-enter_pass");
            assertThat(p.get("is_prompt").asBoolean()).isTrue();
        });
        assertThat(api.get(api.rootToken, base + "/languages").data().toString())
                .isEqualTo("[\"de-de\",\"en-us\",\"fr-fr\"]");
        JsonNode rows = api.get(api.rootToken, base).data();
        assertThat(rows).hasSize(3);
        assertThat(rows.findValuesAsString("name")).contains("plain");
    }
}
