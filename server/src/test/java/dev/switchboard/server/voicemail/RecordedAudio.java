package dev.switchboard.server.voicemail;

import java.io.IOException;

import dev.switchboard.media.audio.Mp3Decoder;
import dev.switchboard.media.audio.WavDecoder;
import dev.switchboard.media.dtmf.Goertzel;

/** What a stored message sounds like: decoded as calls would play it, its strongest frequency, how long a tone lasts. */
final class RecordedAudio {
    private static final int RATE = 8000;
    private static final int FRAME = 160;

    private final short[] samples;

    private RecordedAudio(short[] samples) {
        this.samples = samples;
    }

    /** Decodes a WAV or MP3 file (throws when it is neither, or broken: the audio would not play). */
    static RecordedAudio decode(byte[] file) throws IOException {
        return new RecordedAudio((Mp3Decoder.looksLikeMp3(file) ? Mp3Decoder.decode(file) : WavDecoder.decode(file))
                .toNarrowband());
    }

    double seconds() {
        return samples.length / (double) RATE;
    }

    /** The frequency, in 10 Hz steps from 100 to 3500 Hz, with the most power over the whole message. */
    double dominantHz() {
        double best = 0;
        double bestPower = -1;
        for (int hz = 100; hz <= 3500; hz += 10) {
            double p = Goertzel.power(samples, 0, samples.length, hz, RATE);
            if (p > bestPower) {
                bestPower = p;
                best = hz;
            }
        }
        return best;
    }

    /** Seconds of 20 ms frames in which {@code hz} carries most of the frame's energy. */
    double toneSeconds(double hz) {
        int frames = 0;
        for (int at = 0; at + FRAME <= samples.length; at += FRAME) {
            double energy = 0;
            for (int i = at; i < at + FRAME; i++) {
                double s = samples[i] / 32768.0;
                energy += s * s;
            }
            double tone = Goertzel.power(samples, at, FRAME, hz, RATE);
            // a pure sine of amplitude a has energy n*a²/2 and Goertzel power a²/4 with this normalisation
            if (energy > 1e-4 && tone * 2 * FRAME / energy > 0.5) {
                frames++;
            }
        }
        return frames * FRAME / (double) RATE;
    }
}
