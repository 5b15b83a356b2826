package dev.switchboard.core.engine;

import java.util.List;

/** Other live calls of the account, for pickup, intercept, eavesdrop and park. */
public interface ActiveCalls {

    /**
     * @param state    "ringing" or "answered"
     * @param deviceId the device this call rings or is connected to
     */
    record LiveCall(String callId, String state, String deviceId, String ownerId) {
    }

    List<LiveCall> calls(String accountId);
}
