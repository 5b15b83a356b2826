package dev.switchboard.telephony.mwi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.telephony.Directory;

/**
 * Voicemail boxes, their owners' devices and their message counts, as the store has them now: a lamp is always
 * computed from what is committed, never from counts handed around, so a lost update is mended by the next one.
 */
final class Mailboxes {
    private static final String VMBOX = "vmbox";
    private static final String DEVICE = "device";
    private static final String MESSAGE = "mailbox_message";

    private final DocumentStore store;

    Mailboxes(DocumentStore store) {
        this.store = store;
    }

    Optional<Document> box(String accountId, String boxId) {
        return store.get(accountId, boxId).filter(d -> !d.deleted() && d.type().equals(VMBOX));
    }

    /** The box with this mailbox number ({@code 1001} and {@code 01001} are different boxes, as in the API). */
    Optional<Document> boxByNumber(String accountId, String mailbox) {
        return store.findByIndex(accountId, DocumentIndexes.VMBOX_MAILBOX, mailbox).stream()
                .filter(d -> d.type().equals(VMBOX)).findFirst();
    }

    /** The enabled devices a user owns. */
    List<Document> devicesOf(String accountId, String ownerId) {
        return store.findByIndex(accountId, DocumentIndexes.OWNER, ownerId).stream()
                .filter(d -> d.type().equals(DEVICE) && d.body().path("enabled").asBoolean(true)).toList();
    }

    Optional<Document> device(String accountId, String deviceId) {
        return store.get(accountId, deviceId).filter(d -> !d.deleted() && d.type().equals(DEVICE));
    }

    /** The summary a lamp shows, its Message-Account in the account's realm. */
    MessageSummary summary(Watched watched, String realm) {
        List<Document> boxes = boxes(watched);
        int fresh = 0;
        int saved = 0;
        for (Document box : boxes) {
            for (Document m : store.findByIndex(watched.accountId(), DocumentIndexes.MESSAGE_VMBOX, box.id())) {
                if (!m.type().equals(MESSAGE)) {
                    continue;
                }
                switch (m.body().path("folder").asString("new")) {
                    case "new" -> fresh++;
                    case "saved" -> saved++;
                    default -> {
                    }
                }
            }
        }
        String account = boxes.isEmpty() ? null
                : "sip:" + boxes.getFirst().body().path("mailbox").asString() + "@" + realm;
        return new MessageSummary(account, fresh, saved);
    }

    /** The boxes a lamp counts; several owned boxes in mailbox order, so Message-Account names the same one. */
    private List<Document> boxes(Watched watched) {
        if (watched.boxId() != null) {
            return box(watched.accountId(), watched.boxId()).stream().toList();
        }
        if (watched.ownerId() == null) {
            return List.of();
        }
        return store.findByIndex(watched.accountId(), DocumentIndexes.OWNER, watched.ownerId()).stream()
                .filter(d -> d.type().equals(VMBOX))
                .sorted(Comparator.comparing((Document d) -> d.body().path("mailbox").asString()))
                .toList();
    }

    /** The realm of an account, as the registrar challenges in it. */
    Optional<String> realm(String accountId) {
        return store.get(accountId, accountId).filter(d -> !d.deleted()).map(Directory::realm);
    }
}
