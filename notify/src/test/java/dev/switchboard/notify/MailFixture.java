package dev.switchboard.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.switchboard.core.doc.DocumentIndexes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A SQLite store, a GreenMail SMTP server on a free port that can go down and come back, and mailers on both. */
final class MailFixture implements AutoCloseable {
    static final Backoff FAST = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(5));

    private static final Duration STARTUP = Duration.ofSeconds(30);

    final JdbcDocumentStore store;
    final Path templates;
    final int port;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<Mailer> mailers = new ArrayList<>();
    private GreenMail smtp;

    MailFixture(Path dir) {
        this.store = Stores.open(StoreConfig.sqlite(dir.resolve("store.db")), new DocumentIndexes(), Clock.systemUTC());
        this.templates = dir.resolve("templates");
        this.port = freePort();
    }

    /** Starts the SMTP server (again) on the fixture's port. */
    GreenMail smtpUp() {
        smtp = new GreenMail(patient(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
        smtp.start();
        return smtp;
    }

    /** GreenMail waits 2 s for its server to start; on a busy two-core machine TLS set-up can take longer. */
    static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(STARTUP.toMillis());
        return setup;
    }

    void smtpDown() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    SmtpConfig config() {
        return new SmtpConfig("127.0.0.1", port, SmtpConfig.Security.NONE, null, null, "pbx@switchboard.test", null);
    }

    Mailer mailer(SmtpConfig config, Backoff backoff) {
        Mailer mailer = new Mailer(config, backoff, new Templates(templates), store, store, Clock.systemUTC(), metrics);
        mailers.add(mailer);
        return mailer;
    }

    Mailer startedMailer() {
        Mailer mailer = mailer(config(), FAST);
        mailer.start();
        return mailer;
    }

    /** The parts of a received e-mail that are attachments, in order. */
    static List<BodyPart> attachments(MimeMessage message) throws MessagingException, IOException {
        List<BodyPart> out = new ArrayList<>();
        Multipart mixed = (Multipart) message.getContent();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
                out.add(mixed.getBodyPart(i));
            }
        }
        return out;
    }

    /** The plain-text words of a received e-mail. */
    static String text(MimeMessage message) throws MessagingException, IOException {
        Multipart mixed = (Multipart) message.getContent();
        Object words = mixed.getBodyPart(0).getContent();
        return words instanceof Multipart alternative ? (String) alternative.getBodyPart(0).getContent()
                : (String) words;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        mailers.forEach(Mailer::close);
        smtpDown();
        store.close();
    }
}
