package dev.switchboard.telephony.mwi;

import java.util.function.Consumer;

import dev.switchboard.core.doc.Document;

/**
 * Lamps follow the documents written outside calls (the API): a message uploaded, moved between folders or
 * deleted updates its box's lamps; a box written (new owner, new number) updates its own; a device written gets its
 * state again, as KAZOO sends an unsolicited update on every device update.
 */
public final class MessageWaitingChanges implements Consumer<Document> {
    private final MessageWaiting mwi;

    public MessageWaitingChanges(MessageWaiting mwi) {
        this.mwi = mwi;
    }

    @Override
    public void accept(Document doc) {
        switch (doc.type()) {
            case "mailbox_message" -> {
                String boxId = doc.body().path("source_id").asString("");
                if (!boxId.isEmpty()) {
                    mwi.boxChanged(doc.accountId(), boxId);
                }
            }
            case "vmbox" -> mwi.boxChanged(doc.accountId(), doc.id());
            case "device" -> mwi.deviceChanged(doc.accountId(), doc.id());
            default -> {
            }
        }
    }
}
