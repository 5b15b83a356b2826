package dev.switchboard.telephony.endpoint;

import java.util.List;

import dev.switchboard.core.registration.Binding;

/** The live (not expired) registered contacts of a device, as the registrar keeps them. */
@FunctionalInterface
public interface Registrations {
    List<Binding> contacts(String accountId, String deviceId);
}
