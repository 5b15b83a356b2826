package dev.switchboard.sip.message;

/**
 * The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method.
 */
public record CSeq(long number, String method) {
    /** The largest number RFC 3261 allows (§8.1.1.5: less than 2**31). */
    public static final long MAX = (1L << 31) - 1;

    public CSeq {
        if (number < 0 || number > MAX) throw new IllegalArgumentException("CSeq number out of range: " + number);
        if (!Syntax.isToken(method)) throw new IllegalArgumentException("CSeq method is not a token: " + method);
    }

    public static CSeq parse(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        if (i == 0 || i > 10) throw new IllegalArgumentException("bad CSeq number in \"" + text + "\"");
        long number = Long.parseLong(t.substring(0, i));
        String method = t.substring(i).trim();
        return new CSeq(number, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
