package dev.switchboard.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.engine.Notice;
import dev.switchboard.core.engine.Notifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;

/**
 * The production {@link Notifier}: {@link #send} renders the notice's template and writes the e-mail to the
 * {@link Outbox}, then returns; a sender thread delivers over SMTP, trying again with {@link Backoff} until it
 * gives up (the e-mail stays, marked failed). E-mails still waiting when the process stops are sent by the next one.
 * Without an SMTP server configured, e-mails are kept and logged, never dropped.
 */
public final class Mailer implements Notifier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
    /** Look at the outbox at least this often: another node may have queued e-mails, or given one back. */
    private static final Duration POLL = Duration.ofSeconds(30);
    /** Time a sender holds an e-mail: longer than one SMTP attempt may take (its timeouts are 30 s each). */
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final SmtpConfig smtp;
    private final SmtpSender smtpSender;
    private final Backoff backoff;
    private final Templates templates;
    private final Outbox outbox;
    private final MessageFiling filing;
    private final Clock clock;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object wakeUp = new Object();
    private boolean woken;
    private volatile boolean closed;
    private Thread thread;

    /** @param metrics where {@code switchboard.email.*} counters and the outbox gauge are kept */
    public Mailer(SmtpConfig smtp, Backoff backoff, Templates templates, DocumentStore store,
                  AttachmentStore attachments, Clock clock, MeterRegistry metrics) {
        this.smtp = smtp;
        this.smtpSender = smtp.configured() ? new SmtpSender(smtp) : null;
        this.backoff = backoff;
        this.templates = templates;
        this.outbox = new Outbox(store, attachments);
        this.filing = new MessageFiling(store);
        this.clock = clock;
        this.delivered = metrics.counter("switchboard.email.delivered");
        this.retried = metrics.counter("switchboard.email.retried");
        this.failed = metrics.counter("switchboard.email.failed");
        metrics.gauge("switchboard.email.waiting", waiting);
    }

    /** Runs {@code listener} with each voicemail message moved after its e-mail (to update the box's lamps). */
    public void onFiled(Consumer<Document> listener) {
        filing.onFiled(listener);
    }

    /** Starts delivering, the e-mails a previous run left first. */
    public synchronized void start() {
        int waiting = outbox.pending().size();
        if (!smtp.configured()) {
            LOG.atWarn().setMessage("no SMTP server configured (SWITCHBOARD_SMTP_HOST): e-mails are kept, not sent")
                    .addKeyValue("waiting", waiting).log();
            return;
        }
        LOG.atInfo().setMessage("mailer started").addKeyValue("smtp", smtp.host() + ":" + smtp.port())
                .addKeyValue("security", smtp.security()).addKeyValue("waiting", waiting).log();
        thread = Thread.ofPlatform().name("mailer").daemon().start(this::deliverUntilClosed);
    }

    @Override
    public void send(Notice notice) {
        RenderedEmail email = templates.render(notice.template(), notice.values());
        Document entry = outbox.add(notice, email, clock.instant());
        LOG.atInfo().setMessage(smtp.configured() ? "e-mail queued" : "e-mail kept: no SMTP server configured")
                .addKeyValue("email_id", entry.id()).addKeyValue("template", notice.template())
                .addKeyValue("to", String.join(",", notice.to())).addKeyValue("subject", email.subject()).log();
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void deliverUntilClosed() {
        while (!closed) {
            Duration idle;
            try {
                idle = deliverDue();
            } catch (RuntimeException e) {
                // the store may be briefly unreachable: wait, then look again
                LOG.atError().setMessage("outbox unreadable").setCause(e).log();
                idle = POLL;
            }
            synchronized (wakeUp) {
                if (!woken && !closed) {
                    try {
                        wakeUp.wait(Math.max(1, idle.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    /** Tries every e-mail that is due; returns how long until the next one will be (at most {@link #POLL}). */
    Duration deliverDue() {
        Duration idle = POLL;
        List<Document> pending = outbox.pending();
        waiting.set(pending.size());
        for (Document entry : pending) {
            if (closed) {
                break;
            }
            Instant now = clock.instant();
            if (!Outbox.due(entry, now)) {
                long wait = Math.max(entry.body().path("next_attempt").asLong(0),
                        entry.body().path("claimed_until").asLong(0)) - now.toEpochMilli();
                idle = wait < idle.toMillis() ? Duration.ofMillis(wait) : idle;
                continue;
            }
            Optional<Instant> retry = outbox.claim(entry, now.plus(CLAIM)).flatMap(this::deliver);
            if (retry.isPresent()) {
                Duration wait = Duration.between(clock.instant(), retry.get());
                idle = wait.compareTo(idle) < 0 ? wait : idle;
            }
        }
        return idle;
    }

    /** @return when the e-mail will be tried again, if it will be */
    private Optional<Instant> deliver(Document claimed) {
        List<String> to = claimed.body().path("to").valueStream().map(n -> n.asString("")).toList();
        RenderedEmail email = new RenderedEmail(claimed.body().path("subject").asString(""),
                claimed.body().path("text").asString(""), claimed.body().path("html").asString(null));
        int attempt = claimed.body().path("attempts").asInt(0) + 1;
        try {
            smtpSender.send(to, email, outbox.files(claimed));
        } catch (AddressException e) {
            outbox.failed(claimed, e.getMessage());
            failed.increment();
            LOG.atError().setMessage("e-mail not sent: an address is not valid").addKeyValue("email_id", claimed.id())
                    .addKeyValue("to", String.join(",", to)).addKeyValue("error", e.getMessage()).log();
            return Optional.empty();
        } catch (Exception e) {
            return failedAttempt(claimed, attempt, e);
        }
        outbox.delivered(claimed);
        delivered.increment();
        waiting.decrementAndGet();
        LOG.atInfo().setMessage("e-mail delivered").addKeyValue("email_id", claimed.id())
                .addKeyValue("to", String.join(",", to)).addKeyValue("attempt", attempt).log();
        Optional.ofNullable(claimed.body().get("filing")).filter(f -> f.isObject())
                .ifPresent(f -> filing.file(new Notice.Filing(f.path("account_id").asString(""),
                        f.path("message_id").asString(""), f.path("folder").asString(""))));
        return Optional.empty();
    }

    private Optional<Instant> failedAttempt(Document claimed, int attempt, Exception e) {
        Instant now = clock.instant();
        Instant queued = Instant.ofEpochMilli(claimed.body().path("queued_at").asLong(0));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!now.isBefore(queued.plus(backoff.giveUpAfter()))) {
            outbox.failed(claimed, error);
            failed.increment();
            LOG.atError().setMessage("e-mail given up on; it stays in the outbox as failed")
                    .addKeyValue("email_id", claimed.id()).addKeyValue("attempts", attempt)
                    .addKeyValue("error", error).log();
            return Optional.empty();
        }
        Instant next = now.plus(backoff.after(attempt));
        outbox.retry(claimed, next, error);
        retried.increment();
        LOG.atWarn().setMessage("e-mail not delivered, will try again").addKeyValue("email_id", claimed.id())
                .addKeyValue("attempt", attempt).addKeyValue("next_attempt", next.toString())
                .addKeyValue("error", error).log();
        return Optional.of(next);
    }

    /** Stops the sender; e-mails not yet delivered wait in the outbox for the next start. */
    @Override
    public void close() {
        closed = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
