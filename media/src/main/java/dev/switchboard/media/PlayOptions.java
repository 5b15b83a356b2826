package dev.switchboard.media;

/**
 * How to play.
 *
 * @param stopKeys DTMF keys that stop the playback (any of {@code 0-9*#A-D}); empty for none
 */
public record PlayOptions(String stopKeys) {

    public static final PlayOptions UNINTERRUPTIBLE = new PlayOptions("");

    public PlayOptions {
        stopKeys = stopKeys == null ? "" : stopKeys.toUpperCase(java.util.Locale.ROOT);
    }

    public static PlayOptions stopOn(String keys) {
        return new PlayOptions(keys);
    }

    public boolean stopsOn(char key) {
        return stopKeys.indexOf(Character.toUpperCase(key)) >= 0;
    }
}
