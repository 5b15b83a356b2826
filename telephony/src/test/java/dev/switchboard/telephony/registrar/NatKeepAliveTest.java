package dev.switchboard.telephony.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.registration.Binding;

class NatKeepAliveTest {
    private static Binding binding(String contact, String transport, String host, int port) {
        return new Binding("a", "d", contact, transport, host, port, null, Instant.MAX, "c", 1, null);
    }

    @Test
    void onlyUdpContactsThatRegisteredFromElsewhereAreBehindNat() {
        assertThat(NatKeepAlive.natted(binding("sip:1001@192.168.1.20:5062", "udp", "203.0.113.7", 40123))).isTrue();
        assertThat(NatKeepAlive.natted(binding("sip:1001@203.0.113.7:40123", "udp", "203.0.113.7", 5060)))
                .as("same host, another port").isTrue();
        assertThat(NatKeepAlive.natted(binding("sip:1001@10.0.0.3", "udp", "10.0.0.3", 5060))).isFalse();
        assertThat(NatKeepAlive.natted(binding("sip:1001@192.168.1.20:5062;transport=tcp", "tcp", "203.0.113.7",
                40123))).as("a connection keeps its own mapping").isFalse();
    }
}
