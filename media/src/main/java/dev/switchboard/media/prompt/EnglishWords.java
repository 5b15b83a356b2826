package dev.switchboard.media.prompt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns values into the prompt ids that speak them in English. */
public final class EnglishWords {
    private static final long[] SCALES = {1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] SCALE_IDS = {"number-billion", "number-million", "number-thousand"};

    private EnglishWords() {
    }

    /** Digits, letters, * and # one by one; anything else is skipped. */
    public static List<String> characters(String text) {
        List<String> ids = new ArrayList<>();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= '0' && c <= '9') {
                ids.add("digit-" + c);
            } else if (c >= 'a' && c <= 'z') {
                ids.add("letter-" + c);
            } else if (c == '*') {
                ids.add("digit-star");
            } else if (c == '#') {
                ids.add("digit-pound");
            }
        }
        return ids;
    }

    public static List<String> number(long value) {
        List<String> ids = new ArrayList<>();
        if (value == 0) {
            ids.add("number-0");
            return ids;
        }
        if (value < 0) {
            ids.add("word-minus");
            value = value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
        }
        long rest = value;
        long trillions = rest / 1_000_000_000_000L;
        if (trillions > 0) {
            // beyond the billions we read the leading part as a number of billions' thousands: rare enough
            ids.addAll(number(trillions));
            ids.add("number-trillion");
            rest %= 1_000_000_000_000L;
        }
        for (int i = 0; i < SCALES.length; i++) {
            long part = rest / SCALES[i];
            if (part > 0) {
                ids.addAll(belowThousand((int) part));
                ids.add(SCALE_IDS[i]);
                rest %= SCALES[i];
            }
        }
        if (rest > 0) {
            ids.addAll(belowThousand((int) rest));
        }
        return ids;
    }

    private static List<String> belowThousand(int value) {
        List<String> ids = new ArrayList<>();
        int hundreds = value / 100;
        int rest = value % 100;
        if (hundreds > 0) {
            ids.add("number-" + hundreds);
            ids.add("number-hundred");
        }
        if (rest >= 20) {
            ids.add("number-" + (rest / 10 * 10));
            if (rest % 10 > 0) {
                ids.add("number-" + rest % 10);
            }
        } else if (rest > 0) {
            ids.add("number-" + rest);
        }
        return ids;
    }

    /** "Tuesday, March third, twenty twenty six". */
    public static List<String> date(ZonedDateTime when) {
        List<String> ids = new ArrayList<>();
        ids.add("weekday-" + when.getDayOfWeek().getValue());
        ids.add("month-" + when.getMonthValue());
        ids.add("ordinal-" + when.getDayOfMonth());
        ids.addAll(year(when.getYear()));
        return ids;
    }

    /** Years read in pairs, as people say them: 1999 "nineteen ninety nine", 2026 "twenty twenty six". */
    static List<String> year(int year) {
        if (year >= 2000 && year < 2010) {
            return number(year);
        }
        if (year < 1100 || year > 9999) {
            return number(year);
        }
        List<String> ids = new ArrayList<>(number(year / 100));
        int rest = year % 100;
        if (rest == 0) {
            ids.add("number-hundred");
        } else if (rest < 10) {
            ids.add("word-oh");
            ids.addAll(number(rest));
        } else {
            ids.addAll(number(rest));
        }
        return ids;
    }

    /** Twelve-hour clock: "three forty five p m", "three oh five a m", "three o'clock p m". */
    public static List<String> time(ZonedDateTime when) {
        List<String> ids = new ArrayList<>();
        int hour = when.getHour() % 12 == 0 ? 12 : when.getHour() % 12;
        ids.addAll(number(hour));
        int minute = when.getMinute();
        if (minute == 0) {
            ids.add("word-oclock");
        } else if (minute < 10) {
            ids.add("word-oh");
            ids.addAll(number(minute));
        } else {
            ids.addAll(number(minute));
        }
        ids.add(when.getHour() < 12 ? "word-am" : "word-pm");
        return ids;
    }

    public static List<String> currency(BigDecimal amount) {
        List<String> ids = new ArrayList<>();
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        if (rounded.signum() < 0) {
            ids.add("word-minus");
            rounded = rounded.negate();
        }
        long dollars = rounded.longValue();
        int cents = rounded.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        if (dollars > 0 || cents == 0) {
            ids.addAll(number(dollars));
            ids.add(dollars == 1 ? "word-dollar" : "word-dollars");
        }
        if (cents > 0) {
            if (dollars > 0) {
                ids.add("word-and");
            }
            ids.addAll(number(cents));
            ids.add(cents == 1 ? "word-cent" : "word-cents");
        }
        return ids;
    }
}
