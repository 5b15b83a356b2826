package dev.switchboard.telephony;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.transaction.ServerTransaction;
import dev.switchboard.sip.transport.Source;
import dev.switchboard.sip.transport.Transport;

/** A server transaction that keeps what was answered, for tests that drive a handler without a network. */
public final class RecordingTransaction implements ServerTransaction {
    private final SipRequest request;
    private final Source source;
    public final List<SipResponse> responses = new CopyOnWriteArrayList<>();

    public RecordingTransaction(SipRequest request, Source source) {
        this.request = request;
        this.source = source;
        request.setSource(source);
    }

    /** A request parsed from text (lines joined with CRLF), as received over UDP from {@code host:port}. */
    public static RecordingTransaction udp(String text, String host, int port) {
        return new RecordingTransaction(parse(text), new Source(Transport.UDP, new InetSocketAddress(host, port),
                new InetSocketAddress("127.0.0.1", 5060), null));
    }

    public static SipRequest parse(String text) {
        String wire = text.strip().replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n\r\n";
        try {
            SipMessage m = new SipParser().parse(wire.getBytes(StandardCharsets.UTF_8));
            return (SipRequest) m;
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public SipResponse last() {
        return responses.getLast();
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String id() {
        return request.topVia().branch().orElse("none");
    }

    @Override
    public boolean respond(SipResponse response) {
        responses.add(response);
        return true;
    }

    @Override
    public void onCancel(Runnable action) {
    }

    @Override
    public void onAckTimeout(Runnable action) {
    }

    @Override
    public boolean isAnswered() {
        return responses.stream().anyMatch(SipResponse::isFinal);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
