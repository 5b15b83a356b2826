package dev.switchboard.core.registration;

import java.time.Instant;
import java.util.List;

/**
 * Where registrations are kept so that a restart loses none, and every node of a cluster sees them. The registrar
 * keeps its own copy for look-ups and writes each change through.
 */
public interface Bindings {

    /** Creates or replaces the binding of a device for its contact URI. */
    void put(Binding binding);

    void remove(String accountId, String deviceId, String contactUri);

    /** The bindings of a device, expired ones included (the caller decides what "now" is). */
    List<Binding> ofDevice(String accountId, String deviceId);

    /** The bindings of an account's devices. */
    List<Binding> ofAccount(String accountId);

    /** Every binding not expired at {@code now}: what a starting registrar loads. */
    List<Binding> live(Instant now);

    /** Deletes bindings expired at {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
