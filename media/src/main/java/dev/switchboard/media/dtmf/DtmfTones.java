package dev.switchboard.media.dtmf;

/** The DTMF frequency pairs of ITU-T Q.23. */
public final class DtmfTones {
    public static final int[] ROWS = {697, 770, 852, 941};
    public static final int[] COLUMNS = {1209, 1336, 1477, 1633};
    private static final String[] LAYOUT = {"123A", "456B", "789C", "*0#D"};

    private DtmfTones() {
    }

    /** The two frequencies of a key: {row, column}; throws for a character that is not a key. */
    public static int[] frequencies(char key) {
        char k = Character.toUpperCase(key);
        for (int row = 0; row < LAYOUT.length; row++) {
            int column = LAYOUT[row].indexOf(k);
            if (column >= 0) {
                return new int[] {ROWS[row], COLUMNS[column]};
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a DTMF key");
    }

    public static char key(int row, int column) {
        return LAYOUT[row].charAt(column);
    }
}
