package dev.switchboard.media.tts;

import dev.switchboard.media.TtsEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pure-Java fallback: a small cascade formant synthesizer in the manner of Klatt (1980). A Rosenberg glottal
 * pulse, or noise for aspiration, goes through three resonators set to the phoneme's formants, which glide from one
 * phoneme to the next; fricatives and stop bursts add band-passed noise. English text only (other languages are
 * read with English rules). It sounds robotic but is recognisable as speech, so a machine with neither espeak-ng nor
 * flite still speaks its prompts.
 */
public final class FormantTts implements TtsEngine {
    private static final int RATE = 8000;
    private static final int UPDATE_SAMPLES = 40;
    private static final double START_PITCH = 130;
    private static final double END_PITCH = 95;

    @Override
    public short[] synthesize(String text, String language, String voice) {
        List<Phoneme> phonemes = new ArrayList<>();
        for (String name : EnglishPhonetics.phonemes(text)) {
            phonemes.add(name.equals("_") ? Phoneme.PAUSE : Phoneme.ALL.get(name));
        }
        phonemes.removeIf(java.util.Objects::isNull);
        double pitchScale = voice != null && voice.equalsIgnoreCase("female") ? 1.7 : 1.0;
        return render(phonemes, pitchScale);
    }

    private static short[] render(List<Phoneme> phonemes, double pitchScale) {
        int total = RATE / 10;
        for (Phoneme p : phonemes) {
            total += p.millis() * RATE / 1000;
        }
        total += RATE / 10;
        float[] out = new float[total];
        Resonator r1 = new Resonator();
        Resonator r2 = new Resonator();
        Resonator r3 = new Resonator();
        Resonator fricative = new Resonator();
        SplittableRandom random = new SplittableRandom(42);
        double phase = 0;
        double previousGlottal = 0;
        double previousVoiced = 0;
        double level = 0;
        int at = RATE / 10;
        for (int i = 0; i < phonemes.size(); i++) {
            Phoneme p = phonemes.get(i);
            Phoneme previous = i > 0 ? phonemes.get(i - 1) : p;
            Phoneme next = i + 1 < phonemes.size() ? phonemes.get(i + 1) : p;
            int length = p.millis() * RATE / 1000;
            fricative.set(Math.max(p.noiseHz(), 500), 900, RATE);
            for (int s = 0; s < length; s++, at++) {
                double t = (double) s / length;
                if (s % UPDATE_SAMPLES == 0) {
                    r1.set(glide(previous.f1(), p.f1(), next.f1(), t), 90, RATE);
                    r2.set(glide(previous.f2(), p.f2(), next.f2(), t), 110, RATE);
                    r3.set(glide(previous.f3(), p.f3(), next.f3(), t), 170, RATE);
                }
                double progress = (double) at / total;
                double pitch = pitchScale * (START_PITCH + (END_PITCH - START_PITCH) * progress);
                phase += pitch / RATE;
                double impulse = 0;
                if (phase >= 1) {
                    phase -= 1;
                    impulse = 1;
                }
                // an impulse train softened by one pole: the glottal source with its natural spectral tilt
                double glottal = impulse + 0.5 * previousGlottal;
                previousGlottal = glottal;
                double noise = random.nextDouble(-1, 1);
                double excitation = 0;
                double burst = 0;
                switch (p.kind()) {
                    case VOWEL, APPROXIMANT, NASAL -> excitation = p.voicing() * glottal;
                    case ASPIRATE -> excitation = p.noise() * noise * 0.08;
                    case FRICATIVE -> {
                        excitation = p.voicing() * glottal;
                        burst = p.noise() * noise;
                    }
                    case STOP -> {
                        // closure (a voice bar for voiced stops), then a burst and a little aspiration
                        if (t < 0.6) {
                            excitation = p.voicing() * glottal * 0.3;
                        } else if (t < 0.75) {
                            burst = p.noise() * noise * 1.5;
                        } else {
                            excitation = noise * 0.02;
                        }
                    }
                    case SILENCE -> {
                        // nothing sounds
                    }
                }
                double cascade = r3.next(r2.next(r1.next(excitation)));
                // a second differentiation lifts the upper formants the cascade's low-pass tilt buries
                double voiced = cascade - 0.9 * previousVoiced;
                previousVoiced = cascade;
                double hiss = fricative.next(burst);
                // the level glides (about 6 ms) so phoneme boundaries do not click
                level += ((p.kind() == Phoneme.Kind.SILENCE ? 0 : 1) - level) * 0.02;
                out[at] = (float) (level * (voiced * 4 + hiss * 0.12));
            }
        }
        return normalise(out);
    }

    /** Formants move from the previous phoneme's in the first fifth and towards the next one's in the last fifth. */
    private static double glide(int previous, int current, int next, double t) {
        if (t < 0.2) {
            double w = 0.5 + t / 0.4;
            return previous + (current - previous) * w;
        }
        if (t > 0.8) {
            double w = (t - 0.8) / 0.4;
            return current + (next - current) * w;
        }
        return current;
    }

    private static short[] normalise(float[] samples) {
        float peak = 1e-6f;
        for (float v : samples) {
            peak = Math.max(peak, Math.abs(v));
        }
        double gain = 0.6 * 32767 / peak;
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (short) Math.round(samples[i] * gain);
        }
        return out;
    }

    @Override
    public String name() {
        return "formant";
    }

    /** A two-pole resonator (Klatt's digital formant): unity gain at DC, a peak at its frequency. */
    private static final class Resonator {
        private double a;
        private double b;
        private double c;
        private double y1;
        private double y2;

        void set(double frequency, double bandwidth, int rate) {
            double f = Math.min(frequency, rate / 2.0 - 100);
            c = -Math.exp(-2 * Math.PI * bandwidth / rate);
            b = 2 * Math.exp(-Math.PI * bandwidth / rate) * Math.cos(2 * Math.PI * f / rate);
            a = 1 - b - c;
        }

        double next(double x) {
            double y = a * x + b * y1 + c * y2;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
