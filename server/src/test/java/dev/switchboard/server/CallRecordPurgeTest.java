package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.core.cdr.CallRecord;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.sip.auth.DigestAlgorithm;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;

/** Retention: traces go after 30 days, records after 90, unless configured otherwise. */
class CallRecordPurgeTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void tracesOutliveTheirRetentionBeforeRecordsDo(@TempDir Path dir) {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_DATA", dir.toString()));
        assertThat(config.traceRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.cdrRetention()).isEqualTo(Duration.ofDays(90));
        try (JdbcDocumentStore store = Stores.open(StoreConfig.sqlite(dir.resolve("db")), new DocumentIndexes(),
                Clock.systemUTC())) {
            save(store, "recent", NOW.minus(Duration.ofDays(29)));
            save(store, "month-old", NOW.minus(Duration.ofDays(31)));
            save(store, "quarter-old", NOW.minus(Duration.ofDays(91)));
            CallRecordPurge purge = new CallRecordPurge(store.callRecords(), Clock.fixed(NOW, ZoneOffset.UTC),
                    config.cdrRetention(), config.traceRetention());

            purge.run();

            assertThat(store.callRecords().trace("acc", "recent")).isPresent();
            assertThat(store.callRecords().trace("acc", "month-old")).isEmpty();
            assertThat(store.callRecords().get("acc", "month-old")).isPresent();
            assertThat(store.callRecords().get("acc", "quarter-old")).isEmpty();
        }
    }

    @Test
    void retentionIsConfigurableAndCheckedAtStart() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_TRACE_RETENTION_DAYS", "7",
                "SWITCHBOARD_CDR_RETENTION_DAYS", "365"));
        assertThat(config.traceRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.cdrRetention()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_CDR_RETENTION_DAYS", "0")))
                .hasMessageContaining("SWITCHBOARD_CDR_RETENTION_DAYS");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_TRACE_RETENTION_DAYS", "week")))
                .hasMessageContaining("SWITCHBOARD_TRACE_RETENTION_DAYS");
    }

    @Test
    void digestAlgorithmsAreMd5UnlessConfigured() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).digestAlgorithms()).containsExactly(DigestAlgorithm.MD5);
        assertThat(ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_SIP_DIGEST", "sha-256, md5")).digestAlgorithms())
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("SWITCHBOARD_SIP_DIGEST", "sha-1")))
                .hasMessageContaining("sha-1");
    }

    private static void save(JdbcDocumentStore store, String id, Instant start) {
        store.callRecords().save(new CallRecord(id, "acc", id, "1001", "A", "1002", start, null, start.plusSeconds(9),
                "NO_ANSWER", null, "internal"), Json.object().put("callflow_id", id));
    }
}
