package dev.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.AudioImport;
import dev.switchboard.media.Signals;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The fixture was made once with sox: a 700 Hz tone, 16 kHz mono Ogg Vorbis. sox decodes it (TEST_PACKAGES). */
class OggDecoderTest {

    @Test
    void decodesOggVorbisThroughTheUploadPath() throws Exception {
        byte[] ogg;
        try (InputStream in = OggDecoderTest.class.getResourceAsStream("tone-700hz-16k-mono.ogg")) {
            ogg = in.readAllBytes();
        }
        short[] pcm = WavDecoder.decode(AudioImport.toPcm(ogg, "audio/ogg")).toNarrowband();
        assertThat(pcm.length).isBetween(3900, 4100);
        assertThat(Signals.dominantFrequency(pcm, 1000, 2000)).isEqualTo(700);
        assertThat(Signals.rms(pcm, 1000, 2000)).isGreaterThan(8000);
    }

    @Test
    void aBrokenOggIsRefusedWithAReason() {
        byte[] broken = "OggS and then nothing that Vorbis could read".getBytes();
        assertThatThrownBy(() -> AudioImport.toPcm(broken, "x.ogg")).isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("Ogg file cannot be decoded");
    }
}
