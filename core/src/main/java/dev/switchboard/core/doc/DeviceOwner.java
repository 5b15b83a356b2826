package dev.switchboard.core.doc;

import tools.jackson.databind.node.ObjectNode;

/** Whom a device belongs to right now (KAZOO's endpoint owner). */
public final class DeviceOwner {
    private DeviceOwner() {
    }

    /** Its one hot-desked user; none while several are hot-desked on it; else its {@code owner_id}. */
    public static String of(ObjectNode device) {
        var hotdesked = device.path("hotdesk").path("users").propertyNames();
        if (hotdesked.size() == 1) {
            return hotdesked.iterator().next();
        }
        if (!hotdesked.isEmpty()) {
            return null;
        }
        String owner = device.path("owner_id").asString("");
        return owner.isBlank() ? null : owner;
    }
}
