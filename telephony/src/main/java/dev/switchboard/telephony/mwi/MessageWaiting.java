package dev.switchboard.telephony.mwi;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.dialog.Dialog;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Destination;
import dev.switchboard.sip.transport.Transport;
import dev.switchboard.telephony.DigestAuth;
import dev.switchboard.telephony.Directory;
import dev.switchboard.telephony.endpoint.Registrations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Message waiting indication (RFC 3842 over RFC 6665): the lamp on a phone that says voicemail waits.
 *
 * <p>Phones that subscribe ({@code SUBSCRIBE Event: message-summary}, digest-authenticated like their calls) to their
 * mailbox number get that box's counts; subscribed to their own address, the counts of every box their owner has.
 * Registered phones of a box's owner that never subscribe get unsolicited NOTIFYs (KAZOO's
 * {@code mwi_unsolicited_updates}, true unless the device says false). Every change of a box — a message left or
 * heard on a call, moved or deleted through the API — and every new registration sends the state as the store
 * has it then.
 *
 * <p>{@link #subscribe} blocks (store, digest): call it on a virtual thread. Changes never block their caller: they
 * are handled one after the other on a thread of their own, so the NOTIFYs leave in the order of the changes and a
 * phone never ends on an older state than the store's.
 */
public final class MessageWaiting implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MessageWaiting.class);

    /**
     * Subscription lengths: granted when the SUBSCRIBE has no Expires, the shortest accepted (shorter gets 423) and
     * the longest granted.
     */
    public record Settings(Duration defaultExpires, Duration minExpires, Duration maxExpires) {
        public static final Settings DEFAULTS = new Settings(Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofHours(1));
    }

    /** A registered contact reached where its REGISTER came from, on a new connection when it used one. */
    public static final Function<Binding, Destination> DIRECT = b -> Destination.of(
            Transport.fromName(b.transport()).orElse(Transport.UDP), new InetSocketAddress(b.host(), b.port()));

    private final Mailboxes mailboxes;
    private final Subscribers subscribers;
    private final Registrations registrations;
    private final NotifySender sender;
    private final Function<Binding, Destination> route;
    private final ExecutorService changes = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mwi").factory());
    private final Clock clock;
    private final Settings settings;
    private final Subscriptions subscriptions = new Subscriptions();

    /** @param route where a registered contact is reached (the phone's own connection when it is open) */
    public MessageWaiting(Directory directory, Registrations registrations, DigestAuth digest, SipStack stack,
                          Function<Binding, Destination> route, Clock clock, Settings settings, MeterRegistry metrics) {
        this.mailboxes = new Mailboxes(directory.store());
        this.subscribers = new Subscribers(directory, digest);
        this.registrations = registrations;
        this.sender = new NotifySender(stack, clock, metrics);
        this.route = route;
        this.clock = clock;
        this.settings = settings;
        Gauge.builder("switchboard.mwi.subscriptions", subscriptions, Subscriptions::size).register(metrics);
    }

    /** Answers a SUBSCRIBE: a new subscription, a refresh or an unsubscribe (Expires: 0). */
    public void subscribe(ServerTransaction tx) {
        SipRequest request = tx.request();
        try {
            if (!MessageSummary.EVENT.equals(eventPackage(request))) {
                SipResponse bad = request.createResponse(489, "Bad Event", SipStack.newTag());
                bad.headers().add("Allow-Events", MessageSummary.EVENT);
                tx.respond(bad);
                return;
            }
            long asked = request.expires().orElse(settings.defaultExpires().toSeconds());
            if (asked != 0 && asked < settings.minExpires().toSeconds()) {
                SipResponse brief = request.createResponse(423, "Interval Too Brief", SipStack.newTag());
                brief.headers().add(HeaderNames.MIN_EXPIRES, Long.toString(settings.minExpires().toSeconds()));
                tx.respond(brief);
                return;
            }
            long granted = Math.min(asked, settings.maxExpires().toSeconds());
            if (request.to().tag().isPresent()) {
                refresh(tx, granted);
            } else {
                create(tx, granted);
            }
        } catch (IllegalArgumentException e) {
            if (!tx.isAnswered()) {
                tx.respond(request.createResponse(400, "Bad Request: " + e.getMessage(), SipStack.newTag()));
            }
        }
    }

    private void create(ServerTransaction tx, long granted) {
        SipRequest request = tx.request();
        List<String> accepted = request.tokens(HeaderNames.ACCEPT);
        if (!accepted.isEmpty() && accepted.stream().map(a -> a.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .noneMatch(a -> a.equals(MessageSummary.CONTENT_TYPE) || a.equals("application/*") || a.equals("*/*"))) {
            SipResponse refused = request.createResponse(406, null, SipStack.newTag());
            refused.headers().add(HeaderNames.ACCEPT, MessageSummary.CONTENT_TYPE);
            tx.respond(refused);
            return;
        }
        if (request.contacts().isEmpty()) {
            throw new IllegalArgumentException("a SUBSCRIBE needs a Contact");
        }
        Optional<Subscribers.Subscriber> who = subscribers.identify(tx);
        if (who.isEmpty()) {
            return;
        }
        Document account = who.get().account();
        Optional<Watched> watched = watched(request, who.get());
        if (watched.isEmpty()) {
            tx.respond(request.createResponse(404, "Not Found", SipStack.newTag()));
            return;
        }
        SipResponse ok = accepted(request, SipStack.newTag(), granted, tx.source().transport());
        Dialog dialog = Dialog.asUas(request, ok);
        Subscription s = new Subscription(dialog, tx.source().replyDestination(), who.get().device().id(),
                watched.get(), clock.instant().plusSeconds(granted));
        tx.respond(ok);
        LOG.atInfo().setMessage(granted == 0 ? "message summary fetched" : "message summary subscribed")
                .addKeyValue("account_id", account.id()).addKeyValue("device_id", s.deviceId())
                .addKeyValue("vmbox_id", s.watched().boxId()).addKeyValue("call_id", request.callId())
                .addKeyValue("expires_s", granted).log();
        if (granted == 0) {
            notify(s, "terminated;reason=timeout");
            return;
        }
        subscriptions.put(s);
        notify(s, active(s));
    }

    private void refresh(ServerTransaction tx, long granted) {
        SipRequest request = tx.request();
        Optional<Subscription> found = subscriptions.find(request.callId(), request.to().tag().orElseThrow());
        if (found.isEmpty()) {
            tx.respond(request.createResponse(481, "Subscription Does Not Exist"));
            return;
        }
        Subscription s = found.get();
        if (!s.dialog().acceptRemoteCseq(request)) {
            tx.respond(request.createResponse(500, "Stale CSeq"));
            return;
        }
        s.dialog().refreshTarget(request);
        tx.respond(accepted(request, null, granted, tx.source().transport()));
        if (granted == 0) {
            subscriptions.remove(s);
            LOG.atInfo().setMessage("message summary unsubscribed").addKeyValue("account_id", s.watched().accountId())
                    .addKeyValue("device_id", s.deviceId()).addKeyValue("call_id", request.callId()).log();
            notify(s, "terminated");
            return;
        }
        Subscription renewed = s.refreshed(clock.instant().plusSeconds(granted));
        subscriptions.put(renewed);
        notify(renewed, active(renewed));
    }

    private SipResponse accepted(SipRequest request, String toTag, long granted, Transport transport) {
        SipResponse ok = request.createResponse(200, "OK", toTag);
        ok.headers().add(HeaderNames.EXPIRES, Long.toString(granted));
        ok.headers().add(HeaderNames.CONTACT, "<" + sender.contact(transport) + ">");
        return ok;
    }

    /**
     * What a subscriber watches: the box whose mailbox number the Request-URI names, else, when it names the phone
     * itself, its owner's boxes.
     */
    private Optional<Watched> watched(SipRequest request, Subscribers.Subscriber who) {
        String accountId = who.account().id();
        String user = request.requestUri().user() != null ? request.requestUri().user() : request.to().uri().user();
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        Optional<Document> box = mailboxes.boxByNumber(accountId, user);
        if (box.isPresent()) {
            return Optional.of(Watched.box(accountId, box.get().id()));
        }
        String own = who.device().body().path("sip").path("username").asString("");
        if (user.equalsIgnoreCase(own)) {
            return Optional.of(Watched.owner(accountId, ownerOf(who.device())));
        }
        return Optional.empty();
    }

    /** Every lamp of a box: its subscribers and its owner's registered phones. Returns at once. */
    public void boxChanged(String accountId, String boxId) {
        later(() -> {
            try {
                String ownerId = mailboxes.box(accountId, boxId).map(MessageWaiting::ownerOf).orElse(null);
                for (Subscription s : subscriptions.covering(accountId, boxId, ownerId, clock.instant())) {
                    notify(s, active(s));
                }
                if (ownerId != null) {
                    for (Document device : mailboxes.devicesOf(accountId, ownerId)) {
                        sendUnsolicited(device);
                    }
                }
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("message waiting not sent").addKeyValue("account_id", accountId)
                        .addKeyValue("vmbox_id", boxId).setCause(e).log();
            }
        });
    }

    /** The lamp of one device's registered contacts (it registered, or its settings changed). Returns at once. */
    public void deviceChanged(String accountId, String deviceId) {
        later(() -> {
            try {
                mailboxes.device(accountId, deviceId).ifPresent(this::sendUnsolicited);
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("message waiting not sent").addKeyValue("account_id", accountId)
                        .addKeyValue("device_id", deviceId).setCause(e).log();
            }
        });
    }

    /** Ends the subscriptions that were not refreshed in time, telling each phone (reason timeout). */
    public void expire() {
        for (Subscription s : subscriptions.takeExpired(clock.instant())) {
            notify(s, "terminated;reason=timeout");
        }
    }

    /** Live subscriptions. */
    public int subscriptionCount() {
        return subscriptions.size();
    }

    private void later(Runnable change) {
        try {
            changes.execute(change);
        } catch (RejectedExecutionException e) {
            // closing down: the state stays in the store and goes out with the next change
        }
    }

    /** Stops handling changes; those not yet handled are dropped (the next change or registration mends them). */
    @Override
    public void close() {
        changes.shutdownNow();
    }

    private void sendUnsolicited(Document device) {
        String accountId = device.accountId();
        String ownerId = ownerOf(device);
        if (ownerId == null || !device.body().path("mwi_unsolicited_updates").asBoolean(true)
                || !device.body().path("enabled").asBoolean(true)
                || subscriptions.subscribed(accountId, device.id(), clock.instant())) {
            return;
        }
        String username = device.body().path("sip").path("username").asString("");
        Optional<String> realm = mailboxes.realm(accountId);
        List<Binding> contacts = registrations.contacts(accountId, device.id());
        if (username.isEmpty() || realm.isEmpty() || contacts.isEmpty()) {
            return;
        }
        MessageSummary summary = mailboxes.summary(Watched.owner(accountId, ownerId), realm.get());
        SipUri addressOfRecord = SipUri.sip(username, realm.get(), -1);
        for (Binding b : contacts) {
            try {
                sender.unsolicited(accountId, SipUri.parse(b.contactUri()), route.apply(b), addressOfRecord, summary);
            } catch (IllegalArgumentException e) {
                LOG.atWarn().setMessage("unsolicited message summary not sent").addKeyValue("account_id", accountId)
                        .addKeyValue("device_id", device.id()).addKeyValue("contact", b.contactUri())
                        .setCause(e).log();
            }
        }
    }

    private void notify(Subscription s, String state) {
        Watched w = s.watched();
        String realm = mailboxes.realm(w.accountId()).orElse("");
        sender.inDialog(s, mailboxes.summary(w, realm), state,
                () -> subscriptions.forget(s.dialog().callId(), s.dialog().localTag()));
    }

    private String active(Subscription s) {
        long left = Math.max(0, Duration.between(clock.instant(), s.expires()).toSeconds());
        return "active;expires=" + left;
    }

    private static String ownerOf(Document doc) {
        String owner = doc.body().path("owner_id").asString("");
        return owner.isEmpty() ? null : owner;
    }

    /** The event package a request names, without its parameters. */
    private static String eventPackage(SipRequest request) {
        return request.header(HeaderNames.EVENT).map(e -> e.split(";")[0].trim().toLowerCase(Locale.ROOT))
                .orElse(null);
    }
}
