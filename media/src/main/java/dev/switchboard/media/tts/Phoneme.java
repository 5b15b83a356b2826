package dev.switchboard.media.tts;

import java.util.Map;

/**
 * The English phonemes the formant synthesizer speaks (ARPAbet names), each with its formant targets (Peterson and
 * Barney / Klatt's tables for a male voice), its length, and how it is voiced.
 *
 * @param f1         first formant, Hz
 * @param f2         second formant, Hz
 * @param f3         third formant, Hz
 * @param millis     typical length
 * @param voicing    level of the glottal source, 0..1
 * @param noise      level of the noise source, 0..1
 * @param noiseHz    centre of the noise band (fricatives, bursts)
 * @param kind       how it is made
 */
record Phoneme(int f1, int f2, int f3, int millis, double voicing, double noise, int noiseHz, Kind kind) {

    enum Kind { VOWEL, APPROXIMANT, NASAL, FRICATIVE, STOP, ASPIRATE, SILENCE }

    static final Phoneme PAUSE = new Phoneme(500, 1500, 2500, 120, 0, 0, 0, Kind.SILENCE);

    static final Map<String, Phoneme> ALL = Map.ofEntries(
            vowel("IY", 270, 2290, 3010, 130), vowel("IH", 390, 1990, 2550, 90), vowel("EH", 530, 1840, 2480, 100),
            vowel("AE", 660, 1720, 2410, 130), vowel("AA", 730, 1090, 2440, 140), vowel("AO", 570, 840, 2410, 140),
            vowel("UH", 440, 1020, 2240, 90), vowel("UW", 300, 870, 2240, 130), vowel("AH", 640, 1190, 2390, 90),
            vowel("AX", 500, 1400, 2400, 60), vowel("ER", 490, 1350, 1690, 130),
            Map.entry("L", new Phoneme(360, 1000, 2500, 70, 0.8, 0, 0, Kind.APPROXIMANT)),
            Map.entry("R", new Phoneme(420, 1300, 1600, 70, 0.8, 0, 0, Kind.APPROXIMANT)),
            Map.entry("W", new Phoneme(300, 610, 2200, 60, 0.8, 0, 0, Kind.APPROXIMANT)),
            Map.entry("Y", new Phoneme(270, 2100, 3000, 60, 0.8, 0, 0, Kind.APPROXIMANT)),
            Map.entry("M", new Phoneme(280, 900, 2200, 80, 0.5, 0, 0, Kind.NASAL)),
            Map.entry("N", new Phoneme(280, 1700, 2600, 70, 0.5, 0, 0, Kind.NASAL)),
            Map.entry("NG", new Phoneme(280, 2300, 2750, 80, 0.5, 0, 0, Kind.NASAL)),
            Map.entry("S", new Phoneme(400, 1700, 2600, 110, 0, 0.5, 3600, Kind.FRICATIVE)),
            Map.entry("Z", new Phoneme(300, 1700, 2600, 90, 0.3, 0.35, 3600, Kind.FRICATIVE)),
            Map.entry("SH", new Phoneme(400, 1800, 2500, 110, 0, 0.5, 2500, Kind.FRICATIVE)),
            Map.entry("ZH", new Phoneme(300, 1800, 2500, 90, 0.3, 0.35, 2500, Kind.FRICATIVE)),
            Map.entry("F", new Phoneme(400, 1100, 2100, 100, 0, 0.25, 3000, Kind.FRICATIVE)),
            Map.entry("V", new Phoneme(300, 1100, 2100, 70, 0.35, 0.2, 3000, Kind.FRICATIVE)),
            Map.entry("TH", new Phoneme(400, 1400, 2200, 100, 0, 0.2, 3200, Kind.FRICATIVE)),
            Map.entry("DH", new Phoneme(300, 1400, 2200, 60, 0.4, 0.15, 3200, Kind.FRICATIVE)),
            Map.entry("HH", new Phoneme(500, 1500, 2500, 60, 0, 0.3, 0, Kind.ASPIRATE)),
            Map.entry("P", new Phoneme(400, 1100, 2150, 90, 0, 0.5, 900, Kind.STOP)),
            Map.entry("B", new Phoneme(200, 1100, 2150, 70, 0.25, 0.3, 900, Kind.STOP)),
            Map.entry("T", new Phoneme(400, 1600, 2600, 90, 0, 0.5, 3300, Kind.STOP)),
            Map.entry("D", new Phoneme(200, 1600, 2600, 70, 0.25, 0.3, 3300, Kind.STOP)),
            Map.entry("K", new Phoneme(300, 1990, 2850, 90, 0, 0.5, 2000, Kind.STOP)),
            Map.entry("G", new Phoneme(200, 1990, 2850, 70, 0.25, 0.3, 2000, Kind.STOP)));

    private static Map.Entry<String, Phoneme> vowel(String name, int f1, int f2, int f3, int millis) {
        return Map.entry(name, new Phoneme(f1, f2, f3, millis, 1.0, 0, 0, Kind.VOWEL));
    }
}
