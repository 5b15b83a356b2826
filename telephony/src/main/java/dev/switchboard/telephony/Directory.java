package dev.switchboard.telephony;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentStore;

/**
 * Who is who on the SIP side: accounts by realm, devices by SIP user name or source address, carriers by gateway
 * address. Reads the document store's indexes; disabled devices and accounts are not found.
 */
public final class Directory {
    private final DocumentStore store;

    public Directory(DocumentStore store) {
        this.store = store;
    }

    public DocumentStore store() {
        return store;
    }

    public Optional<Document> account(String accountId) {
        return store.get(accountId, accountId).filter(d -> !d.deleted() && enabled(d));
    }

    public Optional<Document> accountByRealm(String realm) {
        if (realm == null || realm.isBlank()) {
            return Optional.empty();
        }
        return store.findByIndex(null, DocumentIndexes.ACCOUNT_REALM, realm.toLowerCase(Locale.ROOT)).stream()
                .filter(Directory::enabled).findFirst();
    }

    /** The realm of an account: its {@code realm}, else its id (a realm-less account still authenticates). */
    public static String realm(Document account) {
        String realm = account.body().path("realm").asString("");
        return realm.isBlank() ? account.id() : realm.toLowerCase(Locale.ROOT);
    }

    /** An enabled device of the account with this SIP user name (case-insensitive, as KAZOO). */
    public Optional<Document> device(String accountId, String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return store.findByIndex(accountId, DocumentIndexes.DEVICE_SIP_USERNAME, username.toLowerCase(Locale.ROOT))
                .stream().filter(d -> d.type().equals("device") && enabled(d)).findFirst();
    }

    /** Devices of any account with this SIP user name: to find the account of a phone that names no realm. */
    public List<Document> devicesAnywhere(String username) {
        if (username == null || username.isBlank()) {
            return List.of();
        }
        return store.findByIndex(null, DocumentIndexes.DEVICE_SIP_USERNAME, username.toLowerCase(Locale.ROOT))
                .stream().filter(d -> d.type().equals("device") && enabled(d)).toList();
    }

    /** The enabled {@code sip.method: ip} device at this source address, of any account. */
    public Optional<Document> deviceByIp(String ip) {
        return store.findByIndex(null, DocumentIndexes.DEVICE_SIP_IP, ip.toLowerCase(Locale.ROOT)).stream()
                .filter(d -> d.type().equals("device") && enabled(d)).findFirst();
    }

    /** Enabled carriers (of any account) with a gateway at this address. */
    public List<Document> carriersAt(String host) {
        return store.findByIndex(null, DocumentIndexes.RESOURCE_GATEWAY, host.toLowerCase(Locale.ROOT)).stream()
                .filter(d -> d.type().equals("resource") && enabled(d)).toList();
    }

    private static boolean enabled(Document d) {
        return !d.deleted() && d.body().path("enabled").asBoolean(true);
    }
}
