package dev.switchboard.telephony.registrar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.registration.Bindings;
import dev.switchboard.sip.auth.Credential;
import dev.switchboard.sip.auth.DigestResult;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Source;
import dev.switchboard.telephony.DigestAuth;
import dev.switchboard.telephony.Directory;
import dev.switchboard.telephony.endpoint.Registrations;

/**
 * The registrar (RFC 3261 §10.3): devices register with digest authentication against their {@code sip.username} /
 * {@code sip.password} in the account whose realm the request names; {@code sip.method: ip} devices by their source
 * address. A device may have several contacts, each with its own expiry; {@code Expires: 0} removes one and
 * {@code Contact: *} all. Each binding keeps where the REGISTER came from, which is where calls to it go (NAT). Every
 * change is written to the store, and a starting registrar loads what has not expired, so a restart loses nothing.
 *
 * <p>{@link #register} blocks (store, digest): call it on a virtual thread, never on the SIP event loop.
 */
public final class Registrar implements Registrations {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private static final DateTimeFormatter SIP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private record DeviceKey(String accountId, String deviceId) {
    }

    /** The device a REGISTER is for, and the realm it was challenged in. */
    private record Registering(Document account, Document device, String realm) {
    }

    private final Directory directory;
    private final Bindings store;
    private final DigestAuth digest;
    private final Clock clock;
    private final RegistrarSettings settings;
    private final Map<DeviceKey, Map<String, Binding>> bindings = new ConcurrentHashMap<>();

    public Registrar(Directory directory, Bindings store, DigestAuth digest, Clock clock, RegistrarSettings settings) {
        this.directory = directory;
        this.store = store;
        this.digest = digest;
        this.clock = clock;
        this.settings = settings;
    }

    /** Loads the registrations that are still live from the store. */
    public Registrar load() {
        for (Binding b : store.live(clock.instant())) {
            bindings.computeIfAbsent(new DeviceKey(b.accountId(), b.deviceId()), k -> new ConcurrentHashMap<>())
                    .put(b.contactUri(), b);
        }
        return this;
    }

    @Override
    public List<Binding> contacts(String accountId, String deviceId) {
        Map<String, Binding> of = bindings.get(new DeviceKey(accountId, deviceId));
        if (of == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return of.values().stream().filter(b -> !b.expired(now))
                .sorted(Comparator.comparing(Binding::contactUri)).toList();
    }

    /** Every live binding: for keep-alives. */
    public List<Binding> all() {
        Instant now = clock.instant();
        return bindings.values().stream().flatMap(m -> m.values().stream()).filter(b -> !b.expired(now)).toList();
    }

    /** Forgets expired bindings here and in the store. */
    public int purgeExpired() {
        Instant now = clock.instant();
        bindings.values().forEach(m -> m.values().removeIf(b -> b.expired(now)));
        bindings.values().removeIf(Map::isEmpty);
        return store.purgeExpired(now);
    }

    /** Answers a REGISTER. */
    public void register(ServerTransaction tx) {
        SipRequest request = tx.request();
        SipResponse response;
        try {
            response = answer(request, tx.source());
        } catch (IllegalArgumentException e) {
            response = request.createResponse(400, "Bad Request: " + e.getMessage());
        }
        tx.respond(response);
    }

    private SipResponse answer(SipRequest request, Source source) {
        SipUri aor = request.to().uri();
        String username = aor.user();
        String domain = aor.host();
        Optional<Document> ipDevice = source == null ? Optional.empty()
                : directory.deviceByIp(source.remote().getAddress().getHostAddress())
                .filter(d -> username != null && username.equalsIgnoreCase(d.body().path("sip").path("username").asString("")));
        Registering who;
        if (ipDevice.isPresent()) {
            Document account = directory.account(ipDevice.get().accountId()).orElse(null);
            if (account == null) {
                return request.createResponse(403, "Forbidden");
            }
            who = new Registering(account, ipDevice.get(), Directory.realm(account));
        } else {
            Optional<Document> account = accountFor(domain, username);
            String realm = account.map(Directory::realm).orElse(domain == null ? "switchboard" : domain.toLowerCase());
            DigestResult result = digest.verify(request, realm, false, (user, r) -> account
                    .flatMap(a -> directory.device(a.id(), user))
                    .filter(d -> !d.body().path("sip").path("method").asString("password").equals("ip"))
                    .map(d -> Credential.password(d.body().path("sip").path("password").asString(""))));
            switch (result.outcome()) {
                case MISSING -> {
                    return digest.challenge(request, realm, false, false, null);
                }
                case STALE -> {
                    return digest.challenge(request, realm, false, true, null);
                }
                case INVALID -> {
                    LOG.atInfo().setMessage("registration refused").addKeyValue("realm", realm)
                            .addKeyValue("username", result.username()).addKeyValue("reason", result.reason())
                            .addKeyValue("source", source == null ? null : source.remote().toString()).log();
                    return request.createResponse(403, "Forbidden");
                }
                case OK -> {
                }
            }
            Document device = directory.device(account.orElseThrow().id(), result.username()).orElseThrow();
            who = new Registering(account.get(), device, realm);
        }
        return bind(request, source, who);
    }

    /**
     * The account a REGISTER is for: the one whose realm is the request's domain; else, for a phone that registers
     * to an address rather than the realm, the one account having a device with that user name.
     */
    private Optional<Document> accountFor(String domain, String username) {
        Optional<Document> byRealm = directory.accountByRealm(domain);
        if (byRealm.isPresent()) {
            return byRealm;
        }
        List<Document> devices = directory.devicesAnywhere(username);
        return devices.size() == 1 ? directory.account(devices.getFirst().accountId()) : Optional.empty();
    }

    private SipResponse bind(SipRequest request, Source source, Registering who) {
        DeviceKey key = new DeviceKey(who.account().id(), who.device().id());
        Instant now = clock.instant();
        long defaultSeconds = request.expires().orElse(settings.defaultExpires().toSeconds());
        String callId = request.callId();
        long cseq = request.cseq().number();
        String userAgent = request.header(HeaderNames.USER_AGENT).orElse(null);
        Map<String, Binding> current = bindings.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        synchronized (current) {
            if (request.isWildcardContact()) {
                if (defaultSeconds != 0 || request.headers().count(HeaderNames.CONTACT) != 1) {
                    return request.createResponse(400, "Bad Request: Contact * needs Expires: 0");
                }
                for (Binding b : List.copyOf(current.values())) {
                    store.remove(b.accountId(), b.deviceId(), b.contactUri());
                }
                current.clear();
                log("unregistered all", who, null, 0);
                return ok(request, key, now);
            }
            List<Binding> changes = new ArrayList<>();
            List<String> removals = new ArrayList<>();
            for (NameAddress contact : request.contacts()) {
                long seconds = contact.param("expires").map(Registrar::seconds).orElse(defaultSeconds);
                String uri = contact.uri().toString();
                Binding existing = current.get(uri);
                if (existing != null && existing.callId().equals(callId) && existing.cseq() >= cseq) {
                    return request.createResponse(500, "Stale CSeq");
                }
                if (seconds == 0) {
                    removals.add(uri);
                    continue;
                }
                if (seconds < settings.minExpires().toSeconds()) {
                    SipResponse brief = request.createResponse(423, "Interval Too Brief");
                    brief.headers().set(HeaderNames.MIN_EXPIRES, Long.toString(settings.minExpires().toSeconds()));
                    return brief;
                }
                long granted = Math.min(seconds, settings.maxExpires().toSeconds());
                changes.add(new Binding(key.accountId(), key.deviceId(), uri, transport(source), host(source),
                        port(source), flow(source), now.plusSeconds(granted), callId, cseq, userAgent));
            }
            long kept = current.keySet().stream().filter(u -> !removals.contains(u)).count();
            long added = changes.stream().filter(b -> !current.containsKey(b.contactUri())).count();
            if (kept + added > settings.maxContacts()) {
                return request.createResponse(403, "Too Many Contacts");
            }
            for (String uri : removals) {
                if (current.remove(uri) != null) {
                    store.remove(key.accountId(), key.deviceId(), uri);
                    log("unregistered", who, uri, 0);
                }
            }
            for (Binding b : changes) {
                store.put(b);
                current.put(b.contactUri(), b);
                log("registered", who, b.contactUri(), b.expires().getEpochSecond() - now.getEpochSecond());
            }
            return ok(request, key, now);
        }
    }

    /** 200 listing every current binding with its remaining time (§10.3 step 8). */
    private SipResponse ok(SipRequest request, DeviceKey key, Instant now) {
        SipResponse ok = request.createResponse(200, "OK", dev.switchboard.sip.SipStack.newTag());
        for (Binding b : contacts(key.accountId(), key.deviceId())) {
            long left = Math.max(0, b.expires().getEpochSecond() - now.getEpochSecond());
            ok.headers().add(HeaderNames.CONTACT, "<" + b.contactUri() + ">;expires=" + left);
        }
        ok.headers().set("Date", SIP_DATE.format(now));
        return ok;
    }

    private static long seconds(String value) {
        String t = value.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad expires parameter " + value);
        }
        return Long.parseLong(t);
    }

    private static String transport(Source source) {
        return source == null ? "udp" : source.transport().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String host(Source source) {
        return source == null ? "" : source.remote().getAddress().getHostAddress();
    }

    private static int port(Source source) {
        return source == null ? 0 : source.remote().getPort();
    }

    private static String flow(Source source) {
        return source == null || source.connection() == null ? null : source.connection().id();
    }

    private static void log(String what, Registering who, String contact, long seconds) {
        LOG.atInfo().setMessage(what).addKeyValue("account_id", who.account().id())
                .addKeyValue("device_id", who.device().id()).addKeyValue("contact", contact)
                .addKeyValue("expires_s", seconds).log();
    }
}
