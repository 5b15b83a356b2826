package dev.switchboard.notify;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Sends one e-mail over SMTP as {@link SmtpConfig} says: text, HTML alternative and files. */
final class SmtpSender {
    private static final String TIMEOUT_MS = "30000";

    private final SmtpConfig config;
    private final Session session;
    private final String protocol;

    SmtpSender(SmtpConfig config) {
        this.config = config;
        this.protocol = config.security() == SmtpConfig.Security.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", config.host());
        props.setProperty(p + "port", Integer.toString(config.port()));
        props.setProperty(p + "connectiontimeout", TIMEOUT_MS);
        props.setProperty(p + "timeout", TIMEOUT_MS);
        props.setProperty(p + "writetimeout", TIMEOUT_MS);
        props.setProperty(p + "ssl.checkserveridentity", "true");
        if (config.security() == SmtpConfig.Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (config.sslTrust() != null) {
            props.setProperty(p + "ssl.trust", config.sslTrust());
            props.setProperty(p + "ssl.checkserveridentity", "false");
        }
        Authenticator auth = null;
        if (config.user() != null) {
            props.setProperty(p + "auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(config.user(),
                    config.password() == null ? "" : config.password());
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(props, auth);
    }

    /**
     * @throws jakarta.mail.internet.AddressException when an address cannot be an address: trying again will not help
     * @throws MessagingException                     when the server could not be reached or refused the e-mail
     */
    void send(List<String> to, RenderedEmail email, List<Outbox.File> files) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(config.from(), true));
        InternetAddress[] recipients = new InternetAddress[to.size()];
        for (int i = 0; i < to.size(); i++) {
            recipients[i] = new InternetAddress(to.get(i), true);
        }
        message.setRecipients(Message.RecipientType.TO, recipients);
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart words = new MimeBodyPart();
        if (email.html() == null) {
            words.setText(email.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            words.setContent(alternative);
        }
        mixed.addBodyPart(words);
        for (Outbox.File file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(file.bytes(),
                    file.contentType())));
            part.setFileName(file.filename());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            message.saveChanges();
            transport.sendMessage(message, recipients);
        }
    }
}
