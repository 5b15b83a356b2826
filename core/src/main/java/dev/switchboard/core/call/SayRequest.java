package dev.switchboard.core.call;

/**
 * Speak a value in the call's language.
 *
 * @param type   "digits" (one by one), "number" (as a quantity), "date", "time", "date_time" (value = Gregorian
 *               seconds, spoken in {@code timezone}), "letters"
 * @param method "pronounced" or "iterated"
 */
public record SayRequest(String value, String type, String method, String timezone) {
}
