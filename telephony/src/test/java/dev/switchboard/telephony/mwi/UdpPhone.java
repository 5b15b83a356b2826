package dev.switchboard.telephony.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import dev.switchboard.sip.auth.DigestClient;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;

/**
 * A phone on a UDP socket of 127.0.0.1 that writes its requests as text, answers the server's NOTIFYs with 200 and
 * hands them to the test. Every wait is bounded (a lost datagram fails the test rather than hanging it).
 */
final class UdpPhone implements AutoCloseable {
    private static final int WAIT_MS = 10_000;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Deque<SipRequest> notifies = new ArrayDeque<>();
    private int branch;
    private volatile int notifyAnswer = 200;

    UdpPhone(int serverPort) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(WAIT_MS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code sip:<user>@127.0.0.1:<port>}: this phone as a Contact. */
    String contact(String user) {
        return "sip:" + user + "@127.0.0.1:" + port();
    }

    /** Sends a request written as text (a {@code %VIA%} line becomes a Via with a new branch) and returns it. */
    SipRequest send(String text) {
        String wire = text.strip().replace("%VIA%", "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK-phone"
                + (++branch) + ";rport").replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n\r\n";
        SipRequest request = (SipRequest) parse(wire.getBytes(StandardCharsets.UTF_8));
        write(request);
        return request;
    }

    /** Sends a request and returns its final response. */
    SipResponse request(String text) {
        SipRequest sent = send(text);
        return finalResponseTo(sent);
    }

    /**
     * Sends a request, answers the 401/407 with {@code user}'s password (a new branch, the next CSeq) and returns
     * the final response to that retry.
     */
    SipResponse requestWithPassword(String text, String user, String password) {
        SipRequest first = send(text);
        SipResponse challenge = finalResponseTo(first);
        assertThat(challenge.status()).as("challenged").isIn(401, 407);
        SipRequest retry = new DigestClient(user, password).authorize(first, challenge).orElseThrow();
        retry.headers().addFirst(HeaderNames.VIA, "SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK-phone"
                + (++branch) + ";rport");
        write(retry);
        return finalResponseTo(retry);
    }

    private SipResponse finalResponseTo(SipRequest request) {
        while (true) {
            SipMessage m = receive();
            if (m instanceof SipResponse r && r.callId().equals(request.callId())
                    && r.cseq().number() == request.cseq().number() && r.isFinal()) {
                return r;
            }
        }
    }

    /** From now on NOTIFYs are answered with {@code status} (481: the phone has lost the subscription). */
    void answerNotifiesWith(int status) {
        notifyAnswer = status;
    }

    /** The next NOTIFY (answered with 200 when it arrived, also while the phone waited for a response). */
    SipRequest nextNotify() {
        while (notifies.isEmpty()) {
            receive();
        }
        return notifies.removeFirst();
    }

    /** The next message; requests are answered 200 as a phone would, and NOTIFYs kept for {@link #nextNotify}. */
    private SipMessage receive() {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing reached the phone in " + WAIT_MS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SipMessage m = parse(Arrays.copyOf(buffer, packet.getLength()));
        if (m instanceof SipRequest r) {
            write(r.createResponse(r.isMethod(SipRequest.NOTIFY) ? notifyAnswer : 200));
            if (r.isMethod(SipRequest.NOTIFY)) {
                notifies.addLast(r);
            }
        }
        return m;
    }

    private void write(SipMessage message) {
        byte[] bytes = message.toBytes();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SipMessage parse(byte[] bytes) {
        try {
            return new SipParser().parse(bytes);
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
