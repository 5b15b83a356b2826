package dev.switchboard.media.engine;

import dev.switchboard.media.rtp.RtpPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;

/** A bare RTP endpoint on loopback, standing in for a phone: writes SDP, sends and receives raw packets. */
final class Phone implements AutoCloseable {
    final DatagramSocket socket;
    private int sequence = 1000;

    Phone() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An offer listing {@code formats} (e.g. "0 101") with rtpmaps for the dynamic ones we know. */
    String offer(String formats) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\nm=audio " + port() + " RTP/AVP " + formats + "\r\n");
        if (formats.contains("101")) {
            sdp.append("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n");
        }
        return sdp.toString();
    }

    /** Leaves out sequence numbers, as if packets were lost on the way. */
    void skip(int packets) {
        sequence += packets;
    }

    void send(int port, int payloadType, long timestamp, long ssrc, byte[] payload) throws IOException {
        byte[] packet = RtpPacket.build(payloadType, false, sequence++ & 0xFFFF, timestamp, ssrc, payload, 0,
                payload.length);
        socket.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                port)));
    }

    /** The next RTP packet, skipping none; empty on timeout. */
    Optional<RtpPacket> receive() throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        byte[] copy = Arrays.copyOf(datagram.getData(), datagram.getLength());
        return RtpPacket.parse(copy, copy.length);
    }

    /** The next packet of a payload type, skipping others (the silence a session sends while idle). */
    RtpPacket receive(int payloadType) throws IOException {
        for (int i = 0; i < 500; i++) {
            Optional<RtpPacket> p = receive();
            if (p.isEmpty()) {
                break;
            }
            if (p.get().payloadType() == payloadType) {
                return p.get();
            }
        }
        throw new AssertionError("no packet of payload type " + payloadType + " arrived");
    }

    /** Waits for the next packet whose payload is not silence of the given law's zero code. */
    RtpPacket receiveNonSilent(byte silence) throws IOException {
        for (int i = 0; i < 500; i++) {
            RtpPacket p = receive().orElseThrow(() -> new AssertionError("nothing arrived"));
            byte[] b = p.bytes();
            for (int k = p.payloadOffset(); k < p.payloadOffset() + p.payloadLength(); k++) {
                if (b[k] != silence) {
                    return p;
                }
            }
        }
        throw new AssertionError("only silence arrived");
    }

    @Override
    public void close() {
        socket.close();
    }
}
