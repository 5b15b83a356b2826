package dev.switchboard.server.peers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The phone's side of SIP digest authentication (RFC 8760 / RFC 7616 with qop=auth, RFC 2617 without), written from
 * the RFCs rather than taken from the server's code, so the server's verifier meets an independent answer.
 */
final class DigestAnswer {
    private DigestAnswer() {
    }

    /** Picks the strongest challenge we can answer: SHA-256 before MD5, as RFC 8760 asks. */
    static Map<String, String> strongest(List<String> challenges) {
        Map<String, String> best = null;
        for (String challenge : challenges) {
            Map<String, String> params = parse(challenge);
            String algorithm = params.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
            if (algorithm.equals("SHA-256") || best == null && algorithm.equals("MD5")) {
                best = params;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no MD5 or SHA-256 challenge among " + challenges);
        }
        return best;
    }

    /** The Authorization (or Proxy-Authorization) value answering {@code challenge} for one request. */
    static String answer(Map<String, String> challenge, String user, String password, String method, String uri) {
        return answer(challenge, user, password, method, uri, Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    static String answer(Map<String, String> challenge, String user, String password, String method, String uri,
                         String cnonce) {
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String realm = challenge.get("realm");
        String nonce = challenge.get("nonce");
        String ha1 = hash(algorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        boolean auth = challenge.containsKey("qop")
                && List.of(challenge.get("qop").split(",")).stream().map(String::strip).anyMatch("auth"::equals);
        StringBuilder out = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", algorithm=")
                .append(algorithm);
        if (auth) {
            String nc = "00000001";
            out.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            out.append(", response=\"").append(hash(algorithm, ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (challenge.containsKey("opaque")) {
            out.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return out.toString();
    }

    /** The parameters of {@code Digest realm="…", nonce="…", …}, names in lower case, quotes removed. */
    static Map<String, String> parse(String challenge) {
        String rest = challenge.strip();
        if (!rest.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a Digest challenge: " + challenge);
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = 7;
        while (i < rest.length()) {
            while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == ',')) {
                i++;
            }
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = rest.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < rest.length() && rest.charAt(i) == '"') {
                int close = rest.indexOf('"', i + 1);
                value = rest.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = rest.indexOf(',', i);
                int stop = comma < 0 ? rest.length() : comma;
                value = rest.substring(i, stop).strip();
                i = stop;
            }
            params.put(name, value);
        }
        return params;
    }

    private static String hash(String algorithm, String text) {
        String jdkName = algorithm.equalsIgnoreCase("SHA-256") ? "SHA-256" : "MD5";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
