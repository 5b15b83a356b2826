package dev.switchboard.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.RevisionConflict;
import dev.switchboard.core.engine.Notice;

/**
 * {@code save_after_notify} / {@code delete_after_notify}, once the e-mail is delivered: the voicemail message moves
 * to its folder if it is still new (its owner may have listened to it since, and that choice wins).
 */
final class MessageFiling {
    private static final Logger LOG = LoggerFactory.getLogger(MessageFiling.class);
    private static final int TRIES = 3;

    private final DocumentStore store;
    private final List<Consumer<Document>> listeners = new CopyOnWriteArrayList<>();

    MessageFiling(DocumentStore store) {
        this.store = store;
    }

    void onFiled(Consumer<Document> listener) {
        listeners.add(listener);
    }

    void file(Notice.Filing filing) {
        for (int i = 0; i < TRIES; i++) {
            Document message = store.get(filing.accountId(), filing.messageId()).orElse(null);
            if (message == null || message.deleted() || !message.type().equals("mailbox_message")
                    || !message.body().path("folder").asString("new").equals("new")) {
                return;
            }
            try {
                Document filed = store.update(filing.accountId(), message.id(), message.rev(),
                        message.body().deepCopy().put("folder", filing.folder()));
                LOG.atInfo().setMessage("voicemail message filed after its e-mail")
                        .addKeyValue("account_id", filing.accountId()).addKeyValue("message_id", message.id())
                        .addKeyValue("folder", filing.folder()).log();
                listeners.forEach(l -> l.accept(filed));
                return;
            } catch (RevisionConflict | DocumentNotFound e) {
                // changed meanwhile: read it again
            }
        }
    }
}
