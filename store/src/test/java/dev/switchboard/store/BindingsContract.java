package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.Bindings;

/** What the registrations table does, whatever database is under it. */
abstract class BindingsContract {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private JdbcDocumentStore store;
    private Bindings bindings;

    protected abstract JdbcDocumentStore openStore(Clock clock);

    @BeforeEach
    void open() {
        store = openStore(Clock.systemUTC());
        bindings = store.bindings();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Binding binding(String account, String device, String uri, Instant expires) {
        return new Binding(account, device, uri, "udp", "203.0.113.5", 40000, null, expires, "cid-" + uri, 1,
                "Phone/1.0");
    }

    @Test
    void aRefreshReplacesTheBindingOfTheSameContact() {
        bindings.put(binding("a", "d1", "sip:1001@10.0.0.2", NOW.plusSeconds(60)));
        Binding refreshed = new Binding("a", "d1", "sip:1001@10.0.0.2", "tcp", "203.0.113.6", 40001, "flow-9",
                NOW.plusSeconds(3600), "cid-x", 2, null);
        bindings.put(refreshed);
        bindings.put(binding("a", "d1", "sip:1001@10.0.0.3", NOW.plusSeconds(60)));
        bindings.put(binding("a", "d2", "sip:1002@10.0.0.4", NOW.plusSeconds(60)));
        bindings.put(binding("b", "d1", "sip:x@10.0.0.9", NOW.plusSeconds(60)));

        assertThat(bindings.ofDevice("a", "d1")).hasSize(2).first().isEqualTo(refreshed);
        assertThat(bindings.ofAccount("a")).extracting(Binding::deviceId).containsExactly("d1", "d1", "d2");

        bindings.remove("a", "d1", "sip:1001@10.0.0.2");
        assertThat(bindings.ofDevice("a", "d1")).extracting(Binding::contactUri).containsExactly("sip:1001@10.0.0.3");
    }

    @Test
    void expiredBindingsAreNotLoadedAndArePurged() {
        bindings.put(binding("a", "d1", "sip:old@10.0.0.2", NOW.minusSeconds(1)));
        bindings.put(binding("a", "d1", "sip:new@10.0.0.3", NOW.plusSeconds(30)));

        assertThat(bindings.live(NOW)).extracting(Binding::contactUri).containsExactly("sip:new@10.0.0.3");
        assertThat(bindings.purgeExpired(NOW)).isEqualTo(1);
        assertThat(bindings.ofDevice("a", "d1")).hasSize(1);
    }
}
