package dev.switchboard.media;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Call progress tones by country, after ITU-T E.180 (and its supplement's national table). Unknown countries get
 * E.180's recommended 425 Hz tones.
 */
public final class Tones {
    private static final int[] US_DIAL = {350, 440};
    private static final int[] US_RING = {440, 480};
    private static final int[] US_BUSY = {480, 620};

    private record Plan(ToneSpec dial, ToneSpec ringback, ToneSpec busy, ToneSpec congestion) {
    }

    private static final Plan ITU = plan(new int[] {425}, new int[0], new int[] {425}, new int[] {1000, 4000},
            new int[] {425}, new int[] {500, 500}, new int[] {425}, new int[] {250, 250});

    private static final Map<String, Plan> PLANS = Map.of(
            "us", plan(US_DIAL, new int[0], US_RING, new int[] {2000, 4000}, US_BUSY, new int[] {500, 500},
                    US_BUSY, new int[] {250, 250}),
            "gb", plan(new int[] {350, 440}, new int[0], new int[] {400, 450}, new int[] {400, 200, 400, 2000},
                    new int[] {400}, new int[] {375, 375}, new int[] {400}, new int[] {400, 350, 225, 525}),
            "de", ITU,
            "fr", plan(new int[] {440}, new int[0], new int[] {440}, new int[] {1500, 3500}, new int[] {440},
                    new int[] {500, 500}, new int[] {440}, new int[] {250, 250}),
            "it", plan(new int[] {425}, new int[] {200, 200, 600, 1000}, new int[] {425}, new int[] {1000, 4000},
                    new int[] {425}, new int[] {500, 500}, new int[] {425}, new int[] {200, 200}),
            "es", plan(new int[] {425}, new int[0], new int[] {425}, new int[] {1500, 3000}, new int[] {425},
                    new int[] {200, 200}, new int[] {425}, new int[] {200, 200, 200, 200, 200, 600}),
            "nl", plan(new int[] {425}, new int[0], new int[] {425}, new int[] {1000, 4000}, new int[] {425},
                    new int[] {500, 500}, new int[] {425}, new int[] {250, 250}),
            "au", plan(new int[] {413, 438}, new int[0], new int[] {413, 438}, new int[] {400, 200, 400, 2000},
                    new int[] {425}, new int[] {375, 375}, new int[] {425}, new int[] {375, 375}),
            "ca", plan(US_DIAL, new int[0], US_RING, new int[] {2000, 4000}, US_BUSY, new int[] {500, 500},
                    US_BUSY, new int[] {250, 250}));

    /** A short beep before recording, as KAZOO's (440 Hz, 500 ms). */
    public static final ToneSpec BEEP = ToneSpec.steady(Duration.ofMillis(500), 440);

    private Tones() {
    }

    /**
     * A country's tone, sounding until stopped (beep: 500 ms).
     *
     * @param country ISO 3166 alpha-2, any case ("us", "GB"); "uk" is taken as "gb"
     * @param kind    ringback, busy, congestion (also "reorder"), beep, dial
     * @throws IllegalArgumentException for an unknown kind
     */
    public static ToneSpec forCountry(String country, String kind) {
        String code = country == null ? "" : country.toLowerCase(Locale.ROOT);
        Plan plan = PLANS.getOrDefault(code.equals("uk") ? "gb" : code, ITU);
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "ringback", "ring" -> plan.ringback();
            case "busy" -> plan.busy();
            case "congestion", "reorder", "fast_busy" -> plan.congestion();
            case "dial" -> plan.dial();
            case "beep" -> BEEP;
            default -> throw new IllegalArgumentException("unknown tone '" + kind
                    + "' (ringback, busy, congestion, dial, beep)");
        };
    }

    private static Plan plan(int[] dialF, int[] dialC, int[] ringF, int[] ringC, int[] busyF, int[] busyC,
                             int[] congF, int[] congC) {
        return new Plan(tone(dialF, dialC), tone(ringF, ringC), tone(busyF, busyC), tone(congF, congC));
    }

    private static ToneSpec tone(int[] frequencies, int[] cadence) {
        return new ToneSpec(frequencies, cadence, null, ToneSpec.DEFAULT_LEVEL);
    }
}
