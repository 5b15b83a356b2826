package dev.switchboard.sip.message;

import java.util.Optional;

/**
 * A message that could not be parsed. When it was a request whose top Via could be read, {@link #errorResponse()}
 * gives the response to send (400, or 505 for another SIP version); otherwise the message is dropped.
 */
public final class SipParseException extends Exception {
    private final int status;
    private final boolean request;
    private final Headers partialHeaders;

    public SipParseException(String reason, int status, boolean request, Headers partialHeaders) {
        super(reason);
        this.status = status;
        this.request = request;
        this.partialHeaders = partialHeaders == null ? new Headers() : partialHeaders;
    }

    /** The status the error deserves (400, 505, 513). */
    public int status() {
        return status;
    }

    /** Whether the failed message looked like a request (a response is never answered). */
    public boolean isRequest() {
        return request;
    }

    /** The header fields read before (or despite) the error. */
    public Headers partialHeaders() {
        return partialHeaders;
    }

    /** Whether a response can still be formed: a request with a readable top Via to send it back along. */
    public boolean canRespond() {
        if (!request) return false;
        Optional<String> via = partialHeaders.first(HeaderNames.VIA);
        if (via.isEmpty()) return false;
        try {
            Via.parse(via.get());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The error response with the reason in its phrase, copying the headers RFC 3261 §8.2.6.2 asks for. */
    public Optional<SipResponse> errorResponse() {
        if (!canRespond()) return Optional.empty();
        Headers h = new Headers();
        for (String name : new String[]{HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID, HeaderNames.CSEQ}) {
            for (String v : partialHeaders.all(name)) {
                h.add(name, v);
                if (!name.equals(HeaderNames.VIA)) break;
            }
        }
        String detail = getMessage().replaceAll("[\\r\\n\\x00-\\x1f]", " ");
        if (detail.length() > 120) detail = detail.substring(0, 120);
        return Optional.of(new SipResponse(status, SipResponse.defaultReason(status) + " (" + detail + ")", h, null));
    }
}
