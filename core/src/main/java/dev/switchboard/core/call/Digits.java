package dev.switchboard.core.call;

/**
 * What a collection got.
 *
 * @param digits     the keys pressed, terminator excluded; empty on timeout
 * @param terminator the terminator that ended it, or null
 */
public record Digits(String digits, String terminator) {
    public boolean isEmpty() {
        return digits.isEmpty();
    }
}
