package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.actions.VoicemailRetention;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;

/** The voicemail purge on the real store, its time told by a clock the test moves. */
class VoicemailRetentionTest {
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(START);
    private JdbcDocumentStore store;
    private VoicemailRetention retention;

    @BeforeEach
    void open() {
        store = Stores.open(StoreConfig.sqlite(dir.resolve("db")), new DocumentIndexes(), clock);
        retention = new VoicemailRetention(store, store, clock, VoicemailRetention.DEFAULT_RETENTION, Duration.ofDays(7));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void message(String account, String id, String folder, Instant left) {
        store.putAttachment(account, id, "audio", "audio/wav", new byte[] {1, 2});
        store.create(account, "mailbox_message", id, Json.object().put("source_id", "box1").put("folder", folder)
                .put("timestamp", left.getEpochSecond() + Document.GREGORIAN_UNIX_OFFSET));
    }

    private boolean kept(String account, String id) {
        boolean live = store.get(account, id).map(d -> !d.deleted()).orElse(false);
        assertThat(store.attachment(account, id, "audio").isPresent()).as("audio of " + id + " goes with it")
                .isEqualTo(live);
        return live;
    }

    @Test
    void messagesOlderThanNinetyThreeDaysArePurgedInEveryAccount() {
        message("a1", "old", "saved", START.minus(Duration.ofDays(94)));
        message("a2", "older", "new", START.minus(Duration.ofDays(400)));
        message("a1", "recent", "new", START.minus(Duration.ofDays(92)));
        message("a1", "today", "new", START);

        assertThat(retention.purge()).isEqualTo(2);
        assertThat(kept("a1", "old")).isFalse();
        assertThat(kept("a2", "older")).isFalse();
        assertThat(kept("a1", "recent")).isTrue();
        assertThat(kept("a1", "today")).isTrue();
        assertThat(store.findByIndex("a1", DocumentIndexes.MESSAGE_VMBOX, "box1")).extracting(Document::id)
                .containsExactlyInAnyOrder("recent", "today");

        clock.advance(Duration.ofDays(2));
        assertThat(retention.purge()).isEqualTo(1);
        assertThat(kept("a1", "recent")).isFalse();
        assertThat(kept("a1", "today")).isTrue();
    }

    @Test
    void deletedMessagesGoOnceTheyHaveBeenDeletedForTheConfiguredTime() {
        message("a1", "binned", "new", START.minus(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(1));
        Document m = store.get("a1", "binned").orElseThrow();
        store.update("a1", "binned", m.rev(), m.body().deepCopy().put("folder", "deleted"));
        message("a1", "saved", "saved", START.minus(Duration.ofDays(30)));

        clock.advance(Duration.ofDays(6));
        assertThat(retention.purge()).as("deleted six days ago: it can still be undeleted").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(retention.purge()).isEqualTo(1);
        assertThat(kept("a1", "binned")).isFalse();
        assertThat(kept("a1", "saved")).isTrue();
        assertThat(retention.purge()).as("nothing twice").isZero();
    }
}
