package dev.switchboard.telephony.endpoint;

import java.util.List;

/** The live (not expired) contacts of a device, as the registrar keeps them. */
@FunctionalInterface
public interface Registrations {
    List<Contact> contacts(String accountId, String deviceId);
}
