package dev.switchboard.telephony.mwi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live subscriptions, by dialog. In memory only: a restart forgets them and phones subscribe again when their
 * refresh fails with 481, which RFC 6665 §4.1.2.2 has them do. Several nodes behind a SIP edge each keep their own;
 * a change on one node updates the lamps of its own subscribers, and the others catch up on their next refresh (the
 * state is always read from the shared store).
 */
final class Subscriptions {
    private final Map<String, Subscription> byDialog = new ConcurrentHashMap<>();

    void put(Subscription s) {
        byDialog.put(key(s.dialog().callId(), s.dialog().localTag()), s);
    }

    Optional<Subscription> find(String callId, String localTag) {
        return Optional.ofNullable(byDialog.get(key(callId, localTag)));
    }

    void remove(Subscription s) {
        byDialog.remove(key(s.dialog().callId(), s.dialog().localTag()), s);
    }

    /** Forgets a subscription whatever its refresh state (the phone is gone). */
    void forget(String callId, String localTag) {
        byDialog.remove(key(callId, localTag));
    }

    /** Live subscriptions whose lamp the change of a box (owned by {@code ownerId}, may be null) affects. */
    List<Subscription> covering(String accountId, String boxId, String ownerId, Instant now) {
        List<Subscription> found = new ArrayList<>();
        for (Subscription s : byDialog.values()) {
            if (!s.expired(now) && s.watched().covers(accountId, boxId, ownerId)) {
                found.add(s);
            }
        }
        return found;
    }

    boolean subscribed(String accountId, String deviceId, Instant now) {
        return byDialog.values().stream().anyMatch(s -> !s.expired(now) && s.deviceId().equals(deviceId)
                && s.watched().accountId().equals(accountId));
    }

    /** Removes and returns the subscriptions that have run out. */
    List<Subscription> takeExpired(Instant now) {
        List<Subscription> gone = new ArrayList<>();
        for (Subscription s : byDialog.values()) {
            if (s.expired(now) && byDialog.remove(key(s.dialog().callId(), s.dialog().localTag()), s)) {
                gone.add(s);
            }
        }
        return gone;
    }

    int size() {
        return byDialog.size();
    }

    private static String key(String callId, String localTag) {
        return callId + "\n" + localTag.toLowerCase(Locale.ROOT);
    }
}
