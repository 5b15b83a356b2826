package dev.switchboard.telephony;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.cdr.CallRecords;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.registration.Bindings;
import dev.switchboard.media.MediaConfig;
import dev.switchboard.media.MediaEngine;
import dev.switchboard.sip.SipConfig;
import dev.switchboard.sip.SipListener;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.auth.DigestServer;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Transport;
import dev.switchboard.sip.transport.WebSocketTransport;
import dev.switchboard.telephony.call.InboundLeg;
import dev.switchboard.telephony.call.Leg;
import dev.switchboard.telephony.call.SipContext;
import dev.switchboard.telephony.registrar.NatKeepAlive;
import dev.switchboard.telephony.registrar.Registrar;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The telephony side of the server: the SIP stack and the media engine, the registrar, and calls run through the
 * callflow engine. It is the stack's transaction user: REGISTER goes to the registrar, a new INVITE becomes a call
 * on its own virtual thread, requests in a dialog go to their leg.
 */
public final class Telephony implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Telephony.class);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    private static final Duration PURGE = Duration.ofMinutes(5);

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telephony-timers");
        t.setDaemon(true);
        return t;
    });
    private volatile SipStack stack;
    private MediaEngine media;
    private Registrar registrar;
    private InboundCalls inbound;
    private SipContext sip;

    private Telephony() {
    }

    /** Binds the SIP transports and starts the media engine. */
    public static Telephony start(TelephonyConfig config, DocumentStore store, AttachmentStore attachments,
                                  Bindings bindings, CallRecords records, CallRunner runner, Services services,
                                  Clock clock, MeterRegistry metrics) throws IOException {
        Telephony t = new Telephony();
        try {
            t.begin(config, store, attachments, bindings, records, runner, services, clock, metrics);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    private void begin(TelephonyConfig config, DocumentStore store, AttachmentStore attachments, Bindings bindings,
                       CallRecords records, CallRunner runner, Services services, Clock clock, MeterRegistry metrics)
            throws IOException {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        media = MediaEngine.start(MediaConfig.builder(config.cacheDirectory()).bindAddress(any)
                .advertisedAddress(config.address()).rtpPorts(config.rtpPortMin(), config.rtpPortMax())
                .meterRegistry(metrics).build());
        Directory directory = new Directory(store);
        DigestAuth digest = new DigestAuth(new DigestServer(Duration.ofMinutes(5), clock), config.digestAlgorithms());
        registrar = new Registrar(directory, bindings, digest, clock, config.registrar()).load();
        SipConfig.Builder sipConfig = SipConfig.builder().bindAddress(any).advertisedHost(config.address())
                .udpPort(config.sipPort()).tcpPort(config.sipPort()).tlsPort(config.tlsPort()).meterRegistry(metrics);
        if (config.tlsCertificate() != null) {
            sipConfig.tlsCertificate(config.tlsCertificate(), config.tlsPrivateKey());
        }
        stack = SipStack.start(sipConfig.build(), this);
        sip = new SipContext(stack, media);
        inbound = new InboundCalls(sip, directory, attachments, registrar, digest, runner, services,
                new CallLog(records), timers, clock, config.country(), metrics);
        NatKeepAlive keepAlive = new NatKeepAlive(registrar, stack);
        timers.scheduleWithFixedDelay(() -> calls.execute(keepAlive), KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(),
                TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(() -> calls.execute(this::purge), 0, PURGE.toSeconds(), TimeUnit.SECONDS);
        long keepAliveMs = config.sessionKeepAlive().toMillis();
        timers.scheduleWithFixedDelay(sip::keepAlive, keepAliveMs, keepAliveMs, TimeUnit.MILLISECONDS);
        LOG.atInfo().setMessage("telephony started").addKeyValue("address", config.address())
                .addKeyValue("udp", port(Transport.UDP)).addKeyValue("tcp", port(Transport.TCP))
                .addKeyValue("tls", port(Transport.TLS)).log();
    }

    private void purge() {
        try {
            registrar.purgeExpired();
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("registration purge failed").setCause(e).log();
        }
    }

    /** The port a transport is bound to (the real one when 0 was asked for); -1 when it is off. */
    public int port(Transport transport) {
        InetSocketAddress address = stack.localAddress(transport);
        return address == null ? -1 : address.getPort();
    }

    /** Where the HTTP server hands SIP-over-WebSocket connections. */
    public WebSocketTransport webSocket() {
        return stack.webSocket();
    }

    public Registrar registrar() {
        return registrar;
    }

    /** Calls in progress. */
    public int activeCalls() {
        return inbound.active();
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        sip.seen(request);
        String toTag = request.to().tag().orElse(null);
        if (toTag != null) {
            Leg leg = sip.leg(request.callId(), toTag);
            if (leg == null) {
                tx.respond(request.createResponse(481));
            } else {
                leg.onRequest(tx);
            }
            return;
        }
        switch (request.method()) {
            case SipRequest.REGISTER -> calls.execute(() -> registrar.register(tx));
            case SipRequest.INVITE -> calls.execute(() -> inbound.accept(tx));
            default -> {
                var refused = request.createResponse(405, null, SipStack.newTag());
                refused.headers().add("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY, REGISTER");
                tx.respond(refused);
            }
        }
    }

    @Override
    public void onAck(SipRequest ack) {
        Leg leg = sip.leg(ack.callId(), ack.to().tag().orElse(null));
        if (leg instanceof InboundLeg inbound) {
            inbound.onAck(ack);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
        timers.shutdownNow();
        if (stack != null) {
            stack.close();
        }
        if (media != null) {
            media.close();
        }
    }
}
