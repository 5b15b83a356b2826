package dev.switchboard.sip;

import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The stack's Micrometer meters: {@code sip.messages{direction,kind,method|status}}, {@code sip.parse.errors},
 * {@code sip.dropped{reason}}, {@code sip.retransmissions}, {@code sip.transactions.active}. Unknown methods share the
 * tag {@code other} so a peer cannot create meters at will.
 */
public final class SipMetrics {
    private static final Set<String> METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO",
            "UPDATE", "PRACK", "REFER", "NOTIFY", "SUBSCRIBE", "MESSAGE", "PUBLISH");

    private final MeterRegistry registry;
    private final Counter parseErrors;
    private final Counter retransmissions;

    public SipMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.parseErrors = registry.counter("sip.parse.errors");
        this.retransmissions = registry.counter("sip.retransmissions");
    }

    public void received(SipMessage m) {
        count("in", m);
    }

    public void sent(SipMessage m) {
        count("out", m);
    }

    private void count(String direction, SipMessage m) {
        if (m instanceof SipRequest r) {
            registry.counter("sip.messages", "direction", direction, "kind", "request", "method",
                    METHODS.contains(r.method()) ? r.method() : "other").increment();
        } else if (m instanceof SipResponse r) {
            registry.counter("sip.messages", "direction", direction, "kind", "response", "status",
                    (r.status() / 100) + "xx").increment();
        }
    }

    public void parseError() {
        parseErrors.increment();
    }

    public void dropped(String reason) {
        registry.counter("sip.dropped", "reason", reason).increment();
    }

    public void retransmission() {
        retransmissions.increment();
    }

    public void gauge(String name, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).register(registry);
    }
}
