package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;

/**
 * Uploads go through the server's {@link AudioImporter}: audio it cannot decode is refused with 400 and a reason,
 * and what it converts to is what is stored. Here a stand-in importer refuses Ogg and keeps the first half of a WAV.
 */
class AudioImportApiTest {
    private static ApiHarness api;
    private static String media;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(ApiConfig.defaults(), (bytes, type) -> {
            if (type.equals("audio/ogg")) {
                throw new IllegalArgumentException("not a WAV or MP3 file (audio/ogg)");
            }
            return new AudioImporter.Imported(Arrays.copyOf(bytes, bytes.length / 2), "audio/wav");
        });
        media = "/v2/accounts/" + api.root.id() + "/media";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String newMedia() {
        return api.put(api.rootToken, media, Json.object().put("name", "m").put("media_source", "upload")).data()
                .get("id").asString();
    }

    private static ApiHarness.Response upload(String id, byte[] bytes) {
        return api.sendRaw("POST", media + "/" + id + "/raw", api.rootToken, bytes, "audio/wav", Map.of());
    }

    @Test
    void undecodableAudioIsRefusedWithTheReasonAndTheOldAudioStays() {
        String id = newMedia();
        byte[] wav = Wav.tone(400, 440);
        assertThat(upload(id, wav).status()).isEqualTo(200);
        byte[] ogg = "OggS\0\2fake ogg page".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        ApiHarness.Response refused = upload(id, ogg);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asString()).isEqualTo("invalid_audio");
        assertThat(refused.data().get("message").asString())
                .isEqualTo("the audio cannot be played: not a WAV or MP3 file (audio/ogg)");
        assertThat(api.get(api.rootToken, media + "/" + id + "/raw").raw()).isEqualTo(Arrays.copyOf(wav, wav.length / 2));
    }

    @Test
    void whatTheImporterMakesIsWhatIsStoredAndDescribed() {
        String id = newMedia();
        byte[] wav = Wav.tone(400, 440);

        ApiHarness.Response up = upload(id, wav);

        assertThat(up.data().get("content_length").asLong()).isEqualTo(wav.length / 2);
        assertThat(api.get(api.rootToken, media + "/" + id + "/raw").raw()).hasSize(wav.length / 2);
    }
}
