package dev.switchboard.sip;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/** Stacks on loopback with free ports and short timers (T1 50 ms, T2 200 ms, T4 250 ms). */
public final class TestStacks {
    private TestStacks() {}

    public static SipConfig.Builder config() {
        return SipConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .udpPort(0).tcpPort(0).tlsPort(-1)
                .timers(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    public static SipStack start(SipListener listener) throws IOException {
        return SipStack.start(config().build(), listener);
    }
}
