package dev.switchboard.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.switchboard.core.call.CallInfo;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.DeviceOwner;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.engine.ActiveCalls;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.engine.StoreDocuments;
import dev.switchboard.core.engine.Trace;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.media.MediaSession;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.auth.Credential;
import dev.switchboard.sip.auth.DigestResult;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.telephony.call.Bridger;
import dev.switchboard.telephony.call.InboundLeg;
import dev.switchboard.telephony.call.MediaSources;
import dev.switchboard.telephony.call.SipCall;
import dev.switchboard.telephony.call.SipContext;
import dev.switchboard.telephony.endpoint.EndpointResolver;
import dev.switchboard.telephony.registrar.Registrar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * New calls: who is calling (a carrier by its gateway address, a device by its address or by digest credentials
 * challenged with 407, anyone else refused with 403), then the callflow of the account on the call's own virtual
 * thread, and the call's record and trace when it ends.
 */
final class InboundCalls {
    private static final Logger LOG = LoggerFactory.getLogger(InboundCalls.class);
    /** Transfers followed at most in one call, so two flows transferring to each other end. */
    private static final int MAX_TRANSFERS = 5;

    /** Who a call comes from, once known. */
    private record Caller(Document account, Document device, boolean carrier, String dialled) {
    }

    private final SipContext sip;
    private final Directory directory;
    private final AttachmentStore attachments;
    private final Registrar registrar;
    private final DigestAuth digest;
    private final CallRunner runner;
    private final Services services;
    private final CallLog callLog;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final String country;
    private final MeterRegistry metrics;
    private final Map<String, SipCall> live = new ConcurrentHashMap<>();

    InboundCalls(SipContext sip, Directory directory, AttachmentStore attachments, Registrar registrar,
                 DigestAuth digest, CallRunner runner, Services services, CallLog callLog,
                 ScheduledExecutorService timers, Clock clock, String country, MeterRegistry metrics) {
        this.sip = sip;
        this.directory = directory;
        this.attachments = attachments;
        this.registrar = registrar;
        this.digest = digest;
        this.runner = runner;
        this.services = new Services(services.notifier(), services.web(), services.presence(), this::activeCalls);
        this.callLog = callLog;
        this.timers = timers;
        this.clock = clock;
        this.country = country;
        this.metrics = metrics;
        metrics.gauge("calls_active", live, Map::size);
    }

    int active() {
        return live.size();
    }

    private List<ActiveCalls.LiveCall> activeCalls(String accountId) {
        return live.values().stream().filter(c -> c.info().accountId().equals(accountId))
                .map(c -> new ActiveCalls.LiveCall(c.info().callId(), c.answered() ? "answered" : "ringing",
                        c.info().deviceId(), c.info().ownerId()))
                .toList();
    }

    /** Answers a new INVITE; blocks for the whole call (run it on a virtual thread). */
    void accept(ServerTransaction tx) {
        SipRequest request = tx.request();
        Optional<Caller> caller = identify(tx);
        if (caller.isEmpty()) {
            return;
        }
        Document account = caller.get().account();
        MDC.put("call_id", request.callId());
        MDC.put("account_id", account.id());
        try {
            run(tx, caller.get());
        } finally {
            MDC.remove("call_id");
            MDC.remove("account_id");
        }
    }

    /** The caller, or empty when the transaction was answered here (407 challenge, 403, 404). */
    private Optional<Caller> identify(ServerTransaction tx) {
        SipRequest request = tx.request();
        String sourceIp = tx.source().remote().getAddress().getHostAddress();
        String dialled = request.requestUri().user() != null ? request.requestUri().user()
                : request.to().uri().user();
        if (dialled == null || dialled.isBlank()) {
            tx.respond(request.createResponse(404, "Not Found", SipStack.newTag()));
            return Optional.empty();
        }
        List<Document> carriers = directory.carriersAt(sourceIp);
        if (!carriers.isEmpty()) {
            String number = NumberNormalizer.normalize(dialled);
            Optional<Document> account = carrierAccount(carriers, number, dialled);
            if (account.isEmpty()) {
                refuse(tx, 404, "Not Found", "no account has the number " + number, sourceIp);
                return Optional.empty();
            }
            return Optional.of(new Caller(account.get(), null, true, number));
        }
        Optional<Document> ipDevice = directory.deviceByIp(sourceIp);
        if (ipDevice.isPresent()) {
            Optional<Document> account = directory.account(ipDevice.get().accountId());
            if (account.isPresent()) {
                return Optional.of(new Caller(account.get(), ipDevice.get(), false, dialled));
            }
        }
        NameAddress from = request.from();
        Optional<Document> account = directory.accountByRealm(from.uri().host());
        if (account.isEmpty()) {
            List<Document> devices = directory.devicesAnywhere(from.uri().user());
            account = devices.size() == 1 ? directory.account(devices.getFirst().accountId()) : Optional.empty();
        }
        if (account.isEmpty()) {
            refuse(tx, 403, "Forbidden", "unknown caller", sourceIp);
            return Optional.empty();
        }
        String realm = Directory.realm(account.get());
        Document found = account.get();
        DigestResult result = digest.verify(request, realm, true, (user, r) -> directory.device(found.id(), user)
                .filter(d -> !d.body().path("sip").path("method").asString("password").equals("ip"))
                .map(d -> Credential.password(d.body().path("sip").path("password").asString(""))));
        switch (result.outcome()) {
            case MISSING, STALE -> {
                tx.respond(digest.challenge(request, realm, true, result.outcome() == DigestResult.Outcome.STALE,
                        SipStack.newTag()));
                return Optional.empty();
            }
            case INVALID -> {
                refuse(tx, 403, "Forbidden", result.reason(), sourceIp);
                return Optional.empty();
            }
            case OK -> {
            }
        }
        Document device = directory.device(found.id(), result.username()).orElseThrow();
        return Optional.of(new Caller(found, device, false, dialled));
    }

    /**
     * The account of a call from a carrier: the carrier's own account, or for the system's carriers ({@code global})
     * the account with a callflow for the number.
     */
    private Optional<Document> carrierAccount(List<Document> carriers, String number, String dialled) {
        for (Document resource : carriers) {
            if (!resource.body().path("global").asBoolean(false)) {
                return directory.account(resource.accountId());
            }
        }
        for (String n : List.of(number, dialled)) {
            List<Document> flows = directory.store().findByIndex(null, DocumentIndexes.CALLFLOW_NUMBER, n);
            if (!flows.isEmpty()) {
                return directory.account(flows.getFirst().accountId());
            }
        }
        return Optional.empty();
    }

    private void refuse(ServerTransaction tx, int status, String reason, String why, String source) {
        LOG.atInfo().setMessage("call refused").addKeyValue("call_id", tx.request().callId())
                .addKeyValue("status", status).addKeyValue("reason", why).addKeyValue("source", source).log();
        tx.respond(tx.request().createResponse(status, reason, SipStack.newTag()));
    }

    private void run(ServerTransaction tx, Caller caller) {
        SipRequest request = tx.request();
        Document account = caller.account();
        MediaSession session;
        try {
            session = sip.media().newSession(request.callId());
        } catch (IllegalStateException e) {
            refuse(tx, 503, "Service Unavailable", "no media port free", tx.source().remote().toString());
            return;
        }
        InboundLeg leg = new InboundLeg(sip, session, tx);
        NameAddress from = request.from();
        String number = from.uri().user() == null ? "" : from.uri().user();
        Party arrived = new Party(number, from.displayName() == null || from.displayName().isBlank() ? number
                : from.displayName());
        Document device = caller.device();
        String ownerId = device == null ? null : DeviceOwner.of(device.body());
        CallInfo info = new CallInfo(request.callId(), account.id(), caller.dialled(), arrived,
                device == null ? null : device.id(), ownerId, caller.carrier());
        AccountDocuments docs = new StoreDocuments(directory.store(), attachments, account.id());
        MediaSources sources = new MediaSources(docs);
        Bridger bridger = new Bridger(sip, new EndpointResolver(docs, registrar, Directory.realm(account)), sources,
                timers, country);
        SipCall call = new SipCall(info, leg, sources, bridger, clock, account.body().path("language").asString("en-us"));
        live.put(request.callId(), call);
        Counter.builder("calls_total").tag("from", caller.carrier() ? "carrier" : "device").register(metrics)
                .increment();
        Instant start = clock.instant();
        Trace trace = new Trace();
        LOG.atInfo().setMessage("call started").addKeyValue("call_id", info.callId())
                .addKeyValue("account_id", info.accountId()).addKeyValue("dialled", info.dialled())
                .addKeyValue("from", number).addKeyValue("device_id", info.deviceId())
                .addKeyValue("carrier", info.fromCarrier()).log();
        try {
            runner.run(trace, call, docs, services, null);
            for (int i = 0; i < MAX_TRANSFERS && call.transferTarget() != null && !call.leg().isEnded(); i++) {
                LOG.atInfo().setMessage("call transferred").addKeyValue("call_id", info.callId())
                        .addKeyValue("account_id", info.accountId()).addKeyValue("to", call.transferTarget()).log();
                call.retarget();
                runner.run(trace, call, docs, services, null);
            }
        } catch (RuntimeException e) {
            LOG.atError().setMessage("call failed").addKeyValue("call_id", info.callId())
                    .addKeyValue("account_id", info.accountId()).setCause(e).log();
        } finally {
            call.hangup("NORMAL_CLEARING");
            String cause = call.leg().ended().getNow("NORMAL_CLEARING");
            callLog.ended(info, arrived, start, call.answeredAt(), clock.instant(), cause, trace,
                    caller.carrier() ? CallLog.INBOUND : call.reachedCarrier() ? CallLog.OUTBOUND : CallLog.INTERNAL);
            live.remove(request.callId());
            LOG.atInfo().setMessage("call ended").addKeyValue("call_id", info.callId())
                    .addKeyValue("account_id", info.accountId()).addKeyValue("cause", cause).log();
        }
    }
}
