package dev.switchboard.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.AudioImport;
import dev.switchboard.media.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WavDecoderTest {
    private static final int[] RATES = {8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000};

    static Stream<Arguments> encodings() {
        List<Arguments> all = new ArrayList<>();
        int[][] formats = {{WavFixtures.PCM, 8}, {WavFixtures.PCM, 16}, {WavFixtures.PCM, 24}, {WavFixtures.PCM, 32},
                {WavFixtures.FLOAT, 32}, {WavFixtures.FLOAT, 64}, {WavFixtures.MU_LAW, 8}, {WavFixtures.A_LAW, 8}};
        for (int rate : RATES) {
            for (int[] f : formats) {
                for (int channels = 1; channels <= 2; channels++) {
                    all.add(Arguments.of(rate, f[0], f[1], channels, rate == 44100 && channels == 2));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} Hz, format {1}, {2} bits, {3} channels, extensible {4}")
    @MethodSource("encodings")
    void decodesEveryRateAndWidthTo8kMono(int rate, int format, int bits, int channels, boolean extensible)
            throws Exception {
        byte[] wav = WavFixtures.sineWav(format, bits, channels, rate, 1000, 0.5, extensible);

        short[] pcm = AudioImport.decode(wav, "x.wav").toNarrowband();

        assertThat(pcm.length).isBetween(3990, 4000);
        int middle = 1000;
        assertThat(Signals.dominantFrequency(pcm, middle, 2000)).isEqualTo(1000);
        double expectedPeak = channels == 1 ? 0.5 : 0.375;
        double rms = Signals.rms(pcm, middle, 2000) / 32767;
        // 8-bit and G.711 quantisation cost a little; the level must still be the one written
        assertThat(rms).isCloseTo(expectedPeak / Math.sqrt(2), org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void resamplingRemovesWhatTheTelephoneBandCannotCarry() throws Exception {
        // a 6 kHz tone at 48 kHz would alias to 2 kHz without the low-pass
        byte[] wav = WavFixtures.sineWav(WavFixtures.PCM, 16, 1, 48000, 6000, 0.5, false);
        short[] pcm = AudioImport.decode(wav, "x.wav").toNarrowband();
        assertThat(Signals.rms(pcm, 500, 3000)).isLessThan(300);
    }

    @Test
    void normalisedOutputIsAn8kMonoWav() throws Exception {
        byte[] wav = WavFixtures.sineWav(WavFixtures.PCM, 24, 2, 44100, 440, 0.25, false);
        byte[] out = AudioImport.toPcm(wav, "audio/wav");
        DecodedAudio back = WavDecoder.decode(out);
        assertThat(back.sampleRate()).isEqualTo(8000);
        assertThat(back.channels()).hasNumberOfRows(1);
        assertThat(Signals.dominantFrequency(back.toNarrowband())).isEqualTo(440);
    }

    @Test
    void undecodableFilesFailWithAReason() {
        assertThatThrownBy(() -> AudioImport.toPcm(new byte[0], "a.wav"))
                .isInstanceOf(AudioFormatException.class).hasMessage("file is empty");
        assertThatThrownBy(() -> AudioImport.toPcm("hello, this is text".getBytes(), "notes.txt"))
                .isInstanceOf(AudioFormatException.class).hasMessage("not a WAV, MP3 or Ogg file (notes.txt)");
        byte[] mp3InWav = WavFixtures.sineWav(WavFixtures.PCM, 16, 1, 8000, 1000, 0.1, false);
        mp3InWav[20] = 0x55;
        assertThatThrownBy(() -> AudioImport.toPcm(mp3InWav, "a.wav"))
                .isInstanceOf(AudioFormatException.class).hasMessageStartingWith("unsupported WAV encoding 0x0055");
        byte[] truncated = java.util.Arrays.copyOf(mp3InWav, 30);
        assertThatThrownBy(() -> AudioImport.toPcm(truncated, "a.wav")).isInstanceOf(AudioFormatException.class);
    }
}
