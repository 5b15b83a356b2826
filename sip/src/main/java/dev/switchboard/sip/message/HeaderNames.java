package dev.switchboard.sip.message;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header names: canonical spellings, compact forms (RFC 3261 §7.3.3 and extensions), and which ones hold lists. */
public final class HeaderNames {
    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String EXPIRES = "Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String ALLOW = "Allow";
    public static final String SUPPORTED = "Supported";
    public static final String REQUIRE = "Require";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String ACCEPT = "Accept";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String REPLACES = "Replaces";
    public static final String RSEQ = "RSeq";
    public static final String RACK = "RAck";
    public static final String EVENT = "Event";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String REASON = "Reason";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String TIMESTAMP = "Timestamp";

    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Set<String> LISTS = Set.of("via", "contact", "route", "record-route", "allow", "supported",
            "require", "proxy-require", "unsupported", "accept", "accept-encoding", "accept-language",
            "content-encoding", "content-language", "allow-events", "in-reply-to", "alert-info", "call-info",
            "error-info", "warning", "path", "service-route", "p-asserted-identity", "p-preferred-identity", "reason");
    /** Headers that may appear at most once; a second one makes the message invalid (RFC 4475 §3.1.2.19). */
    private static final Set<String> SINGLE = Set.of("call-id", "cseq", "from", "to", "max-forwards",
            "content-length", "content-type", "expires", "min-expires", "rseq", "rack");

    static {
        for (String name : new String[]{VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, MAX_FORWARDS, CONTENT_LENGTH,
                CONTENT_TYPE, EXPIRES, MIN_EXPIRES, ROUTE, RECORD_ROUTE, ALLOW, SUPPORTED, REQUIRE, PROXY_REQUIRE,
                UNSUPPORTED, ACCEPT, AUTHORIZATION, PROXY_AUTHORIZATION, WWW_AUTHENTICATE, PROXY_AUTHENTICATE,
                USER_AGENT, SERVER, REFER_TO, REFERRED_BY, REPLACES, RSEQ, RACK, EVENT, SUBSCRIPTION_STATE,
                SESSION_EXPIRES, REASON, RETRY_AFTER, TIMESTAMP, "Accept-Encoding", "Accept-Language",
                "Content-Encoding", "Content-Language", "Content-Disposition", "Allow-Events", "Subject",
                "Authentication-Info", "Date", "Warning", "Path", "Service-Route", "Min-SE", "Call-Info",
                "Alert-Info", "Error-Info", "Organization", "Priority", "In-Reply-To", "MIME-Version", "Reply-To",
                "P-Asserted-Identity", "P-Preferred-Identity", "Privacy", "Remote-Party-ID", "Diversion"}) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
        String[][] compact = {{"i", CALL_ID}, {"m", CONTACT}, {"f", FROM}, {"t", TO}, {"v", VIA}, {"l", CONTENT_LENGTH},
                {"c", CONTENT_TYPE}, {"k", SUPPORTED}, {"s", "Subject"}, {"e", "Content-Encoding"}, {"o", EVENT},
                {"u", "Allow-Events"}, {"r", REFER_TO}, {"b", REFERRED_BY}, {"x", SESSION_EXPIRES}};
        for (String[] pair : compact) CANONICAL.put(pair[0], pair[1]);
    }

    private HeaderNames() {}

    /** The canonical spelling of a header name; compact forms are expanded, unknown names are kept as given. */
    public static String canonical(String name) {
        String known = CANONICAL.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : name;
    }

    /** Whether the header's grammar is a comma-separated list, so that one line may hold several values. */
    public static boolean isList(String canonicalName) {
        return LISTS.contains(canonicalName.toLowerCase(Locale.ROOT));
    }

    static boolean isSingle(String canonicalName) {
        return SINGLE.contains(canonicalName.toLowerCase(Locale.ROOT));
    }
}
