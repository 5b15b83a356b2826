package dev.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.AudioImport;
import dev.switchboard.media.Signals;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The fixtures were made once with sox and lame: a 1 kHz tone (44.1 kHz mono) and a 440 Hz one (22.05 kHz stereo). */
class Mp3DecoderTest {


    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = Mp3DecoderTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodesMpeg1MonoToTheToneItHolds() throws Exception {
        byte[] mp3 = fixture("tone-1khz-44k1-mono.mp3");
        DecodedAudio decoded = Mp3Decoder.decode(mp3);
        assertThat(decoded.sampleRate()).isEqualTo(44100);
        short[] pcm = decoded.toNarrowband();
        assertThat(pcm.length).isBetween(3800, 4600);
        assertThat(Signals.dominantFrequency(pcm, 1000, 2000)).isEqualTo(1000);
        assertThat(Signals.rms(pcm, 1000, 2000)).isBetween(0.5 * 32767 / Math.sqrt(2) * 0.8,
                0.5 * 32767 / Math.sqrt(2) * 1.2);
    }

    @Test
    void decodesMpeg2StereoThroughTheUploadPath() throws Exception {
        byte[] wav = AudioImport.toPcm(fixture("tone-440hz-22k05-stereo.mp3"), "greeting.mp3");
        short[] pcm = WavDecoder.decode(wav).toNarrowband();
        assertThat(WavDecoder.decode(wav).sampleRate()).isEqualTo(8000);
        assertThat(Signals.dominantFrequency(pcm, 1000, 2000)).isEqualTo(440);
    }

    @Test
    void aBrokenMp3IsRefusedWithAReason() throws Exception {
        byte[] mp3 = fixture("tone-1khz-44k1-mono.mp3");
        byte[] garbage = new byte[600];
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xFB;
        for (int i = 2; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37);
        }
        assertThatThrownBy(() -> AudioImport.toPcm(garbage, "x.mp3")).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("MP3");
        assertThat(mp3.length).isLessThan(8000);
    }
}
