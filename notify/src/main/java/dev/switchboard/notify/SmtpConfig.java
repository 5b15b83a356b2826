package dev.switchboard.notify;

import java.util.Map;
import java.util.Optional;

/**
 * Where e-mail goes, from the environment: {@code SWITCHBOARD_SMTP_HOST} (none: e-mails are kept in the outbox,
 * not sent), {@code _PORT}, {@code _TLS} ({@code none}, {@code starttls} or {@code tls}), {@code _USER},
 * {@code _PASSWORD}, {@code _FROM} and {@code _SSL_TRUST} (hosts whose certificate is trusted unchecked, {@code *}
 * for all: a relay with a self-signed certificate).
 *
 * @param host null when no SMTP server is configured
 */
public record SmtpConfig(String host, int port, Security security, String user, String password, String from,
                         String sslTrust) {

    /** How the connection is protected. */
    public enum Security {
        /** Plain SMTP, as to a relay on the same host or network. */
        NONE,
        /** Plain connection upgraded with STARTTLS, which the server must offer (submission, port 587). */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465). */
        TLS
    }

    public static final String DEFAULT_FROM = "switchboard@localhost";

    public static SmtpConfig fromEnvironment(Map<String, String> env) {
        String host = blankToNull(env.get("SWITCHBOARD_SMTP_HOST"));
        String user = blankToNull(env.get("SWITCHBOARD_SMTP_USER"));
        // credentials never cross the network in clear unless the operator says so
        Security security = Optional.ofNullable(blankToNull(env.get("SWITCHBOARD_SMTP_TLS")))
                .map(SmtpConfig::security).orElse(user == null ? Security.NONE : Security.STARTTLS);
        int defaultPort = switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        String port = blankToNull(env.get("SWITCHBOARD_SMTP_PORT"));
        return new SmtpConfig(host, port == null ? defaultPort : Integer.parseInt(port.trim()), security, user,
                env.get("SWITCHBOARD_SMTP_PASSWORD"),
                Optional.ofNullable(blankToNull(env.get("SWITCHBOARD_SMTP_FROM"))).orElse(DEFAULT_FROM),
                blankToNull(env.get("SWITCHBOARD_SMTP_SSL_TRUST")));
    }

    /** Nowhere to send: e-mails wait in the outbox. */
    public static SmtpConfig none() {
        return new SmtpConfig(null, 25, Security.NONE, null, null, DEFAULT_FROM, null);
    }

    public boolean configured() {
        return host != null;
    }

    private static Security security(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "none", "false", "off" -> Security.NONE;
            case "starttls" -> Security.STARTTLS;
            case "tls", "ssl", "smtps" -> Security.TLS;
            default -> throw new IllegalArgumentException(
                    "SWITCHBOARD_SMTP_TLS must be none, starttls or tls, not " + value);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "SmtpConfig[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user
                + ", from=" + from + "]";
    }
}
