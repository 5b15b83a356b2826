package dev.switchboard.server.peers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.media.AudioFormatException;
import dev.switchboard.media.ToneSpec;
import dev.switchboard.media.audio.ToneStream;
import dev.switchboard.media.audio.WavDecoder;
import dev.switchboard.media.audio.WavEncoder;
import dev.switchboard.media.dtmf.Goertzel;

/**
 * What a peer heard, as 8 kHz samples, measured the way a listener would judge it: is anything loud there, which
 * frequency dominates each stretch of it, does it sit in the voice band, and does it come and go as speech does.
 */
record RecordedAudio(short[] samples) {
    private static final int RATE = 8000;
    /** A 100 ms stretch is "sound" above this RMS; G.711 idle noise and comfort noise stay far below it. */
    static final double SOUND_RMS = 300;

    static RecordedAudio read(Path wav) throws IOException {
        try {
            return new RecordedAudio(WavDecoder.decode(Files.readAllBytes(wav)).toNarrowband());
        } catch (AudioFormatException e) {
            throw new IOException(wav + ": " + e.getMessage(), e);
        }
    }

    /** Whether a WAV file's writer has closed it: its RIFF size, written last, covers the whole file. */
    static boolean complete(byte[] wav) {
        return wav.length > WavEncoder.HEADER_BYTES
                && ByteBuffer.wrap(wav, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() + 8L == wav.length;
    }

    /** Writes {@code seconds} of a steady sine at the level telephone tones are sent at, 8 kHz mono 16-bit. */
    static Path writeTone(Path file, int frequency, int seconds) throws IOException {
        short[] samples = new short[seconds * RATE];
        new ToneStream(ToneSpec.steady(Duration.ofSeconds(seconds), frequency)).read(samples, 0, samples.length);
        return Files.write(file, WavEncoder.encode(samples));
    }

    double seconds() {
        return samples.length / (double) RATE;
    }

    /** The RMS of the stretches that carry sound, 0 when none does. */
    double soundRms() {
        double sum = 0;
        int count = 0;
        for (int[] w : soundWindows()) {
            for (int i = w[0]; i < w[0] + w[1]; i++) {
                sum += (double) samples[i] * samples[i];
            }
            count += w[1];
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    /** Seconds of sound: 100 ms stretches above {@link #SOUND_RMS}. */
    double soundSeconds() {
        return soundWindows().size() / 10.0;
    }

    /** How many 100 ms stretches of sound each dominant frequency (to the nearest 10 Hz) ruled. */
    Map<Integer, Integer> dominantFrequencies() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int[] w : soundWindows()) {
            counts.merge(dominantFrequency(w[0], w[1]), 1, Integer::sum);
        }
        return counts;
    }

    /** The frequency that rules most stretches of sound, or 0 when nothing was heard. */
    int dominantFrequency() {
        return dominantFrequencies().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(0);
    }

    /** Seconds of sound ruled by a frequency within {@code tolerance} Hz of {@code frequency}. */
    double secondsOf(int frequency, int tolerance) {
        return dominantFrequencies().entrySet().stream()
                .filter(e -> Math.abs(e.getKey() - frequency) <= tolerance).mapToInt(Map.Entry::getValue).sum() / 10.0;
    }

    /**
     * The share of the sound's power between 100 and 3400 Hz: a phone line's voice band (300-3400 Hz) widened down to
     * take in a voice's fundamental (about 100-250 Hz), which an 8 kHz digital line carries. Noise spread evenly up
     * to 4 kHz would give about 0.84, speech well above 0.9.
     */
    double voiceBandShare() {
        double band = 0;
        double all = 0;
        for (int[] w : soundWindows()) {
            // 10 Hz apart: the resolution of a 100 ms stretch, so no harmonic falls between the bins
            for (int f = 10; f < RATE / 2; f += 10) {
                double p = Goertzel.power(samples, w[0], w[1], f, RATE);
                all += p;
                if (f >= 100 && f <= 3400) {
                    band += p;
                }
            }
        }
        return all == 0 ? 0 : band / all;
    }

    /** How many separate stretches of sound there are: words and phrases part with pauses, a tone does not. */
    int bursts() {
        int bursts = 0;
        int previousEnd = -1;
        for (int[] w : soundWindows()) {
            if (w[0] != previousEnd) {
                bursts++;
            }
            previousEnd = w[0] + w[1];
        }
        return bursts;
    }

    private int dominantFrequency(int offset, int length) {
        int best = 0;
        double bestPower = -1;
        for (int f = 100; f <= 3900; f += 10) {
            double p = Goertzel.power(samples, offset, length, f, RATE);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        return best;
    }

    /** {offset, length} of each 100 ms stretch above {@link #SOUND_RMS}. */
    private List<int[]> soundWindows() {
        List<int[]> windows = new ArrayList<>();
        int size = RATE / 10;
        for (int start = 0; start + size <= samples.length; start += size) {
            double sum = 0;
            for (int i = start; i < start + size; i++) {
                sum += (double) samples[i] * samples[i];
            }
            if (Math.sqrt(sum / size) > SOUND_RMS) {
                windows.add(new int[] {start, size});
            }
        }
        return windows;
    }

    @Override
    public String toString() {
        return String.format("%.1f s heard, %.1f s of sound in %d bursts at RMS %.0f, voice-band share %.2f, dominant"
                + " frequencies (Hz=100 ms stretches) %s", seconds(), soundSeconds(), bursts(), soundRms(),
                voiceBandShare(), dominantFrequencies());
    }
}
