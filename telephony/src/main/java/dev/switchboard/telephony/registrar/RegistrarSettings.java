package dev.switchboard.telephony.registrar;

import java.time.Duration;

/**
 * How long registrations last.
 *
 * @param minExpires     shorter requests get 423 Interval Too Brief
 * @param maxExpires     longer requests are granted this
 * @param defaultExpires granted when the phone asks for nothing
 * @param maxContacts    registered contacts per device at most (a bound against floods)
 */
public record RegistrarSettings(Duration minExpires, Duration maxExpires, Duration defaultExpires, int maxContacts) {

    /** 60 s, 3600 s, 3600 s, 10 contacts. */
    public static final RegistrarSettings DEFAULTS = new RegistrarSettings(Duration.ofSeconds(60),
            Duration.ofSeconds(3600), Duration.ofSeconds(3600), 10);
}
