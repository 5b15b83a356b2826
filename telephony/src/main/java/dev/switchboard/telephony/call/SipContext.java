package dev.switchboard.telephony.call;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.media.MediaEngine;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ResponseHandler;
import dev.switchboard.sip.transport.Connection;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;
import dev.switchboard.telephony.endpoint.Hop;

/**
 * What every leg shares: the SIP stack, the media engine, the connections phones opened (so requests to them reuse
 * their flow), and the legs by dialog, to hand them the requests of their dialog.
 */
public final class SipContext {
    /** A response nobody waits for (a BYE's, a NOTIFY's). */
    static final ResponseHandler IGNORE = new ResponseHandler() {
        @Override
        public void onFinal(SipResponse response) {
        }

        @Override
        public void onTimeout() {
        }

        @Override
        public void onTransportError(Exception cause) {
        }
    };

    private final SipStack stack;
    private final MediaEngine media;
    private final Map<String, Connection> flows = new ConcurrentHashMap<>();
    private final Map<String, Leg> legs = new ConcurrentHashMap<>();

    public SipContext(SipStack stack, MediaEngine media) {
        this.stack = stack;
        this.media = media;
    }

    public SipStack stack() {
        return stack;
    }

    public MediaEngine media() {
        return media;
    }

    /** Remembers the connection a message arrived on, to send on it later. */
    public void seen(SipMessage message) {
        if (message.source() != null && message.source().connection() != null) {
            Connection c = message.source().connection();
            flows.put(c.id(), c);
        }
        flows.values().removeIf(c -> !c.isOpen());
    }

    /** Where to send a request for a hop: on the phone's own connection while it is open. */
    public Destination destination(Hop hop) {
        Transport transport = Transport.fromName(hop.transport()).orElse(Transport.UDP);
        Connection flow = hop.flow() == null ? null : flows.get(hop.flow());
        InetSocketAddress address = new InetSocketAddress(hop.host(), hop.port() > 0 ? hop.port()
                : transport.defaultPort());
        return new Destination(transport, address, flow != null && flow.isOpen() ? flow : null);
    }

    void register(String callId, String localTag, Leg leg) {
        legs.put(key(callId, localTag), leg);
    }

    void unregister(String callId, String localTag) {
        legs.remove(key(callId, localTag));
    }

    /** The leg whose dialog a request belongs to: its Call-ID and our tag (the request's To tag). */
    public Leg leg(String callId, String localTag) {
        return localTag == null ? null : legs.get(key(callId, localTag));
    }

    public int legCount() {
        return legs.size();
    }

    /** Sends each answered leg a keep-alive (see {@link Leg#keepAlive()}). */
    public void keepAlive() {
        legs.values().forEach(Leg::keepAlive);
    }

    private static String key(String callId, String localTag) {
        return callId + "\n" + localTag.toLowerCase(Locale.ROOT);
    }
}
