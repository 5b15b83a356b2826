package dev.switchboard.core.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;

/**
 * The voicemail purge, run periodically: messages in the {@code deleted} folder go once they have been there
 * {@code deletedKept}, and every message goes once it is older than {@code retention} (KAZOO's
 * {@code message_retention_duration}, 93 days). A purged message leaves listings first, then its audio is dropped.
 */
public final class VoicemailRetention {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(93);
    public static final Duration DEFAULT_DELETED_KEPT = Duration.ofDays(7);
    /** How far back, past the retention, months are searched for messages (older ones cannot be left today). */
    private static final int MONTHS_SEARCHED = 120;
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailRetention.class);

    private final DocumentStore store;
    private final AttachmentStore attachments;
    private final Clock clock;
    private final Duration retention;
    private final Duration deletedKept;

    public VoicemailRetention(DocumentStore store, AttachmentStore attachments, Clock clock, Duration retention,
                              Duration deletedKept) {
        this.store = store;
        this.attachments = attachments;
        this.clock = clock;
        this.retention = retention;
        this.deletedKept = deletedKept;
    }

    /** @return how many messages were purged */
    public int purge() {
        long now = clock.instant().getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET;
        int purged = 0;
        for (Document m : store.findByIndex(null, DocumentIndexes.MESSAGE_FOLDER, VoicemailStore.DELETED)) {
            if (isMessage(m) && m.modified() <= now - deletedKept.toSeconds()) {
                purged += purge(m, "deleted");
            }
        }
        long oldest = now - retention.toSeconds();
        YearMonth month = YearMonth.parse(DocumentIndexes.month(oldest));
        for (int i = 0; i < MONTHS_SEARCHED; i++, month = month.minusMonths(1)) {
            for (Document m : store.findByIndex(null, DocumentIndexes.MESSAGE_MONTH, month.toString())) {
                if (isMessage(m) && m.body().path("timestamp").asLong(0) < oldest) {
                    purged += purge(m, "retention");
                }
            }
        }
        return purged;
    }

    private static boolean isMessage(Document d) {
        return d.type().equals(VoicemailStore.TYPE);
    }

    private int purge(Document message, String reason) {
        try {
            store.delete(message.accountId(), message.id(), null);
        } catch (DocumentNotFound e) {
            return 0;
        }
        attachments.deleteAttachment(message.accountId(), message.id(), VoicemailStore.AUDIO);
        LOG.atInfo().setMessage("voicemail message purged").addKeyValue("account_id", message.accountId())
                .addKeyValue("message_id", message.id()).addKeyValue("vmbox_id", message.body().path("source_id")
                        .asString("")).addKeyValue("reason", reason).log();
        return 1;
    }
}
