package dev.switchboard.core.call;

/** A caller or callee as caller ID shows it. */
public record Party(String number, String name) {
    public static Party of(String number) {
        return new Party(number, number);
    }
}
