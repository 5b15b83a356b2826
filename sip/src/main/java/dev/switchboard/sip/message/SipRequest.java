package dev.switchboard.sip.message;

import java.util.Objects;

/** A SIP request: method, Request-URI, headers and body. */
public final class SipRequest extends SipMessage {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String INFO = "INFO";
    public static final String UPDATE = "UPDATE";
    public static final String PRACK = "PRACK";
    public static final String REFER = "REFER";
    public static final String NOTIFY = "NOTIFY";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String MESSAGE = "MESSAGE";

    private final String method;
    private SipUri requestUri;

    public SipRequest(String method, SipUri requestUri, Headers headers, byte[] body) {
        super(headers, body);
        this.method = Objects.requireNonNull(method, "method");
        this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
    }

    /** Starts a request; the stack adds Via (with a new branch) and Max-Forwards 70 when they are missing. */
    public static Builder builder(String method, SipUri requestUri) {
        return new Builder(method, requestUri);
    }

    public String method() {
        return method;
    }

    public SipUri requestUri() {
        return requestUri;
    }

    public void setRequestUri(SipUri uri) {
        this.requestUri = Objects.requireNonNull(uri);
    }

    public boolean isMethod(String name) {
        return method.equals(name);
    }

    /** A response to this request without a To tag (use for 100 Trying or when the To already has one). */
    public SipResponse createResponse(int status) {
        return createResponse(status, SipResponse.defaultReason(status), null);
    }

    public SipResponse createResponse(int status, String reason) {
        return createResponse(status, reason, null);
    }

    /**
     * A response copying Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2), and Record-Route for 1xx/2xx (§12.1.1);
     * {@code toTag}, when given and the To has none, is added to the To.
     */
    public SipResponse createResponse(int status, String reason, String toTag) {
        Headers h = new Headers();
        for (String via : headers().all(HeaderNames.VIA)) h.add(HeaderNames.VIA, via);
        headers().first(HeaderNames.FROM).ifPresent(v -> h.add(HeaderNames.FROM, v));
        headers().first(HeaderNames.TO).ifPresent(v -> {
            if (toTag != null && status > 100) {
                NameAddress to = NameAddress.parse(v);
                h.add(HeaderNames.TO, to.tag().isPresent() ? v : to.withTag(toTag).toString());
            } else {
                h.add(HeaderNames.TO, v);
            }
        });
        headers().first(HeaderNames.CALL_ID).ifPresent(v -> h.add(HeaderNames.CALL_ID, v));
        headers().first(HeaderNames.CSEQ).ifPresent(v -> h.add(HeaderNames.CSEQ, v));
        if (status > 100 && status < 300) {
            for (String rr : headers().all(HeaderNames.RECORD_ROUTE)) h.add(HeaderNames.RECORD_ROUTE, rr);
        }
        if (status == 100) headers().first(HeaderNames.TIMESTAMP).ifPresent(v -> h.add(HeaderNames.TIMESTAMP, v));
        return new SipResponse(status, reason == null ? SipResponse.defaultReason(status) : reason, h, null);
    }

    /** A copy with its own headers and body, no source. */
    public SipRequest copy() {
        return new SipRequest(method, requestUri, headers().copy(), body().clone());
    }

    @Override
    void appendStartLine(StringBuilder b) {
        b.append(method).append(' ').append(requestUri).append(' ').append(VERSION);
    }

    /** Builds a request header by header. */
    public static final class Builder {
        private final String method;
        private final SipUri requestUri;
        private final Headers headers = new Headers();
        private byte[] body;
        private String contentType;

        private Builder(String method, SipUri requestUri) {
            this.method = method;
            this.requestUri = requestUri;
        }

        public Builder via(Via via) {
            headers.add(HeaderNames.VIA, via.toString());
            return this;
        }

        public Builder from(NameAddress from) {
            headers.set(HeaderNames.FROM, from.toString());
            return this;
        }

        public Builder to(NameAddress to) {
            headers.set(HeaderNames.TO, to.toString());
            return this;
        }

        public Builder callId(String callId) {
            headers.set(HeaderNames.CALL_ID, callId);
            return this;
        }

        public Builder cseq(long number) {
            headers.set(HeaderNames.CSEQ, new CSeq(number, method).toString());
            return this;
        }

        public Builder contact(NameAddress contact) {
            headers.add(HeaderNames.CONTACT, contact.toString());
            return this;
        }

        public Builder route(NameAddress route) {
            headers.add(HeaderNames.ROUTE, route.toString());
            return this;
        }

        public Builder maxForwards(int hops) {
            headers.set(HeaderNames.MAX_FORWARDS, Integer.toString(hops));
            return this;
        }

        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        public Builder body(String type, byte[] bytes) {
            this.contentType = type;
            this.body = bytes;
            return this;
        }

        public SipRequest build() {
            SipRequest r = new SipRequest(method, requestUri, headers, null);
            if (body != null) r.setBody(contentType, body);
            return r;
        }
    }
}
