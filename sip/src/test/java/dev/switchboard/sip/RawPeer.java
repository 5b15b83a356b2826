package dev.switchboard.sip;

import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare SIP peer for tests: a UDP socket or a TCP connection that sends raw text and collects every message it
 * receives, so tests can count retransmissions on the wire.
 */
public final class RawPeer implements AutoCloseable {
    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress target;
    private final BlockingQueue<SipMessage> received = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final SipParser parser = new SipParser();

    private RawPeer(DatagramSocket udp, Socket tcp, InetSocketAddress target) {
        this.udp = udp;
        this.tcp = tcp;
        this.target = target;
        this.reader = Thread.ofVirtual().start(udp != null ? this::readUdp : this::readTcp);
    }

    /** A UDP peer on a free loopback port talking to {@code target}. */
    public static RawPeer udp(InetSocketAddress target) throws IOException {
        return new RawPeer(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), null, target);
    }

    /** A TCP peer connected to {@code target}. */
    public static RawPeer tcp(InetSocketAddress target) throws IOException {
        Socket s = new Socket();
        s.connect(target, 5000);
        return new RawPeer(null, s, target);
    }

    public int port() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public String transport() {
        return udp != null ? "UDP" : "TCP";
    }

    /** Sends text, with {@code $PORT} and {@code $TRANSPORT} replaced by this peer's port and transport. */
    public void send(String text) throws IOException {
        sendBytes(text.replace("$PORT", Integer.toString(port())).replace("$TRANSPORT", transport()).getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, target));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** The next message received within {@code seconds}, or null. */
    public SipMessage poll(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    /** Waits for the next message matching {@code filter}, skipping others; fails after {@code seconds}. */
    public SipMessage await(Predicate<SipMessage> filter, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            SipMessage m = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m != null && filter.test(m)) return m;
        }
        throw new AssertionError("no matching message within " + seconds + " s");
    }

    public BlockingQueue<SipMessage> received() {
        return received;
    }

    private void readUdp() {
        byte[] buf = new byte[65536];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
                received.add(parse(java.util.Arrays.copyOf(p.getData(), p.getLength()), 0, p.getLength(), true));
            } catch (SocketException e) {
                return;
            } catch (Exception e) {
                // a test peer keeps listening; the test asserts on what it did receive
            }
        }
    }

    private void readTcp() {
        byte[] buf = new byte[1 << 17];
        int filled = 0;
        try (InputStream in = tcp.getInputStream()) {
            int n;
            while ((n = in.read(buf, filled, buf.length - filled)) > 0) {
                filled += n;
                int frame;
                while (filled > 0 && (frame = parser.frameLength(buf, 0, filled)) > 0) {
                    received.add(parse(buf, 0, frame, false));
                    System.arraycopy(buf, frame, buf, 0, filled - frame);
                    filled -= frame;
                }
            }
        } catch (Exception e) {
            // connection closed by the test or the stack
        }
    }

    /**
     * Parses what the stack sent. A 400 copies the request's broken headers verbatim (RFC 3261 §8.2.6.2), so a
     * response that does not parse is still recorded with its status and the headers that could be read.
     */
    private SipMessage parse(byte[] data, int offset, int length, boolean datagram) throws SipParseException {
        try {
            return parser.parse(data, offset, length, datagram);
        } catch (SipParseException e) {
            String text = new String(data, offset, length, StandardCharsets.UTF_8);
            if (!text.startsWith("SIP/2.0 ")) throw e;
            return new SipResponse(Integer.parseInt(text.substring(8, 11)), "unparsed", e.partialHeaders(), null);
        }
    }

    @Override
    public void close() throws IOException {
        if (udp != null) udp.close();
        if (tcp != null) tcp.close();
        reader.interrupt();
    }
}
