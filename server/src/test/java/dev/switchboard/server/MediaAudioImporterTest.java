package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.switchboard.api.AudioImporter;

/** Uploads become the 8 kHz WAV calls play, or are refused with the decoder's reason. */
class MediaAudioImporterTest {
    private final MediaAudioImporter importer = new MediaAudioImporter();

    /** A 16 kHz, 16-bit mono WAV of a 440 Hz tone. */
    private static byte[] wav16k(int millis) {
        int samples = 16 * millis;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0)));
        }
        return b.array();
    }

    @Test
    void aWavOfAnotherRateIsStoredAsNarrowbandWav() {
        AudioImporter.Imported imported = importer.accept(wav16k(1000), "audio/wav");
        assertThat(imported.contentType()).isEqualTo("audio/wav");
        ByteBuffer header = ByteBuffer.wrap(imported.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(8000);
        assertThat(imported.bytes().length).as("a second of 8 kHz 16-bit audio").isBetween(16000, 16200);
    }

    @Test
    void audioThatCannotBeDecodedIsRefusedWithTheReason() {
        byte[] broken = Arrays.copyOf(wav16k(100), 30);
        assertThatThrownBy(() -> importer.accept(broken, "audio/wav")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> importer.accept("OggS....".getBytes(), "audio/ogg"))
                .hasMessageContaining("Ogg");
    }
}
