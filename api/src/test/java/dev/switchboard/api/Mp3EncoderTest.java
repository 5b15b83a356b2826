package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/** The MP3 of a tone decodes, with an independent decoder (JLayer), to the same tone for as long. */
class Mp3EncoderTest {

    /** The decoded samples (mono) and their rate. */
    private record Pcm(short[] samples, int rate) {
    }

    @Test
    void aThreeSecondTelephoneToneComesBackAsThreeSecondsOfTheSameTone() throws Exception {
        byte[] mp3 = Mp3Encoder.fromWav(Wav.tone(3000, 1000)).orElseThrow();
        assertThat(AudioFormat.sniff(mp3)).contains("audio/mpeg");
        assertThat(mp3.length).as("32 kbit/s for 3 s, about 12 kB").isBetween(8_000, 16_000);

        Pcm pcm = decode(mp3);
        assertThat(pcm.rate()).isEqualTo(8000);
        double seconds = pcm.samples().length / (double) pcm.rate();
        assertThat(seconds).as("LAME adds at most a couple of frames of padding").isBetween(2.95, 3.35);
        assertThat(dominantHz(pcm)).isBetween(980.0, 1020.0);
    }

    @Test
    void aLawOrMuLawWavIsEncodedToo() throws Exception {
        byte[] ulaw = muLaw(Wav.tone(1000, 440));
        Pcm pcm = decode(Mp3Encoder.fromWav(ulaw).orElseThrow());
        assertThat(pcm.samples().length / (double) pcm.rate()).isBetween(0.95, 1.35);
        assertThat(dominantHz(pcm)).isBetween(425.0, 455.0);
    }

    @Test
    void bytesThatAreNotWavGiveNothing() {
        assertThat(Mp3Encoder.fromWav("not audio".getBytes())).isEmpty();
        assertThat(Mp3Encoder.fromWav(new byte[0])).isEmpty();
    }

    private static Pcm decode(byte[] mp3) throws Exception {
        Bitstream stream = new Bitstream(new ByteArrayInputStream(mp3));
        Decoder decoder = new Decoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rate = 0;
        for (Header frame = stream.readFrame(); frame != null; frame = stream.readFrame()) {
            SampleBuffer decoded = (SampleBuffer) decoder.decodeFrame(frame, stream);
            rate = decoded.getSampleFrequency();
            short[] buffer = decoded.getBuffer();
            for (int i = 0; i < decoded.getBufferLength(); i += decoded.getChannelCount()) {
                out.write(buffer[i] & 0xFF);
                out.write(buffer[i] >> 8 & 0xFF);
            }
            stream.closeFrame();
        }
        ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return new Pcm(samples, rate);
    }

    /** The strongest frequency, 50 Hz to 3.5 kHz in 5 Hz steps (Goertzel on each). */
    private static double dominantHz(Pcm pcm) {
        double best = 0;
        double bestPower = -1;
        for (int hz = 50; hz <= 3500; hz += 5) {
            double coefficient = 2 * Math.cos(2 * Math.PI * hz / pcm.rate());
            double s1 = 0;
            double s2 = 0;
            for (short sample : pcm.samples()) {
                double s0 = sample + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            if (power > bestPower) {
                bestPower = power;
                best = hz;
            }
        }
        return best;
    }

    /** The same tone as a G.711 µ-law WAV, written by the JDK. */
    private static byte[] muLaw(byte[] pcmWav) throws Exception {
        var in = javax.sound.sampled.AudioSystem.getAudioInputStream(new ByteArrayInputStream(pcmWav));
        var ulaw = new javax.sound.sampled.AudioFormat(javax.sound.sampled.AudioFormat.Encoding.ULAW, 8000, 8, 1, 1,
                8000, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.sound.sampled.AudioSystem.write(javax.sound.sampled.AudioSystem.getAudioInputStream(ulaw, in),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
