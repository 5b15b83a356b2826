package dev.switchboard.sip.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Well-formed SIP messages from a seeded random generator: requests and responses with the variety real peers show
 * (compact and long header names in any case, whitespace around colons and separators, several Vias and Contacts per
 * line or per header, quoted and token display names, IPv4, IPv6 and domain hosts, URI and header parameters,
 * bodies). The same seed gives the same messages.
 */
final class MessageGenerator {
    private static final String[] METHODS = {"INVITE", "REGISTER", "OPTIONS", "BYE", "CANCEL", "INFO", "UPDATE", "REFER",
            "NOTIFY", "SUBSCRIBE", "MESSAGE", "PRACK"};
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String TOKEN_EXTRA = "-.!*_";
    private final Random random;

    MessageGenerator(long seed) {
        this.random = new Random(seed);
    }

    byte[] next() {
        boolean request = random.nextInt(3) > 0;
        String method = METHODS[random.nextInt(METHODS.length)];
        StringBuilder b = new StringBuilder(512);
        if (request) b.append(method).append(' ').append(uri(true)).append(" SIP/2.0\r\n");
        else b.append("SIP/2.0 ").append(100 + random.nextInt(600)).append(' ').append(reason()).append("\r\n");
        int vias = 1 + random.nextInt(3);
        StringBuilder viaLine = null;
        for (int i = 0; i < vias; i++) {
            String via = "SIP/2.0/" + pick("UDP", "TCP", "TLS", "WS") + " " + host() + (random.nextBoolean() ? ":" + port() : "")
                    + ";branch=z9hG4bK" + word(6, 14) + (random.nextBoolean() ? ";rport" : "")
                    + (random.nextInt(4) == 0 ? ";received=192.0.2." + random.nextInt(255) : "");
            if (random.nextBoolean()) {
                viaLine = viaLine == null ? new StringBuilder(via) : viaLine.append(", ").append(via);
            } else {
                header(b, "Via", "v", via);
            }
        }
        if (viaLine != null) header(b, "Via", "v", viaLine.toString());
        header(b, "From", "f", address() + ";tag=" + word(4, 12));
        header(b, "To", "t", address() + (request && random.nextBoolean() ? "" : ";tag=" + word(4, 12)));
        header(b, "Call-ID", "i", word(8, 20) + (random.nextBoolean() ? "@" + host() : ""));
        header(b, "CSeq", null, random.nextInt(Integer.MAX_VALUE) + " " + method);
        if (request) header(b, "Max-Forwards", null, Integer.toString(random.nextInt(256)));
        int contacts = random.nextInt(3);
        for (int i = 0; i < contacts; i++) {
            header(b, "Contact", "m", "<" + uri(false) + ">" + (random.nextBoolean() ? ";expires=" + random.nextInt(7200) : "")
                    + (random.nextBoolean() ? ";q=0." + random.nextInt(10) : ""));
        }
        if (random.nextBoolean()) header(b, "User-Agent", null, "Gen/" + random.nextInt(10) + " (" + word(3, 8) + ")");
        if (random.nextInt(3) == 0) header(b, "Supported", "k", "replaces, timer");
        if (random.nextInt(4) == 0) header(b, "Route", null, "<sip:" + host() + ";lr>");
        byte[] body = new byte[random.nextInt(4) == 0 ? 0 : random.nextInt(300)];
        for (int i = 0; i < body.length; i++) body[i] = (byte) ALNUM.charAt(random.nextInt(ALNUM.length()));
        if (body.length > 0) header(b, "Content-Type", "c", "application/sdp");
        header(b, "Content-Length", "l", Integer.toString(body.length));
        b.append("\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void header(StringBuilder b, String name, String compact, String value) {
        String n = compact != null && random.nextInt(4) == 0 ? compact : randomCase(name);
        b.append(n).append(random.nextInt(5) == 0 ? " : " : ": ").append(value).append("\r\n");
    }

    private String randomCase(String name) {
        return switch (random.nextInt(6)) {
            case 0 -> name.toLowerCase();
            case 1 -> name.toUpperCase();
            default -> name;
        };
    }

    private String address() {
        String uri = uri(false);
        return switch (random.nextInt(3)) {
            case 0 -> "<" + uri + ">";
            case 1 -> "\"" + word(2, 8) + " " + word(2, 8) + "\" <" + uri + ">";
            default -> word(2, 8) + " <" + uri + ">";
        };
    }

    private String uri(boolean requestUri) {
        StringBuilder u = new StringBuilder(random.nextInt(6) == 0 ? "sips:" : "sip:");
        if (random.nextInt(5) > 0) u.append(random.nextBoolean() ? word(2, 10) : "+1" + (2_000_000_000L + random.nextInt(999_999_999))).append('@');
        u.append(host());
        if (random.nextBoolean()) u.append(':').append(port());
        if (random.nextInt(3) == 0) u.append(";transport=").append(pick("udp", "tcp", "tls", "ws"));
        if (random.nextInt(4) == 0) u.append(";lr");
        if (!requestUri && random.nextInt(5) == 0) u.append(";user=phone");
        return u.toString();
    }

    private String host() {
        return switch (random.nextInt(4)) {
            case 0 -> "192.0.2." + random.nextInt(256);
            case 1 -> "[2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe)) + "]";
            default -> label() + "." + pick("example.com", "example.net", "example.org");
        };
    }

    private int port() {
        return 1024 + random.nextInt(64000);
    }

    private String reason() {
        return pick("OK", "Ringing", "Session Progress", "Busy Here", "Not Found", "Temporarily Unavailable", "Decline");
    }

    /** A host name label: letters and digits only. */
    private String label() {
        int n = 3 + random.nextInt(8);
        StringBuilder w = new StringBuilder(n);
        for (int i = 0; i < n; i++) w.append(ALNUM.charAt(random.nextInt(26)));
        return w.toString();
    }

    private String word(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder w = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            w.append(random.nextInt(12) == 0 ? TOKEN_EXTRA.charAt(random.nextInt(5)) : ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        if (!Character.isLetterOrDigit(w.charAt(0))) w.setCharAt(0, 'a');
        return w.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
