package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipParseException;
import dev.switchboard.sip.message.SipParser;
import dev.switchboard.sip.message.SipRequest;

/**
 * Messages per second through the SIP parser for a typical INVITE from a phone (two Vias, SDP body, about 900 bytes),
 * with and without reading the headers a call setup reads (Call-ID, CSeq, From, To, Vias, Contact), and the serializer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SipParserBenchmark {
    static final byte[] INVITE = ("INVITE sip:2001@pbx.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.33:5060;branch=z9hG4bK-524287-1---a1b2c3d4e5f6a7b8;rport\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK776asdhds;received=192.0.2.5\r\n"
            + "Max-Forwards: 70\r\n"
            + "Contact: <sip:1001@192.0.2.33:5060;transport=udp>\r\n"
            + "To: <sip:2001@pbx.example.com>\r\n"
            + "From: \"Alice Example\" <sip:1001@pbx.example.com>;tag=7d4a1c30\r\n"
            + "Call-ID: ZjM4NzE1NWRkMGU1YjA0ZjFjOWM0YTc5ZDE5ZjY3NmQ\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Supported: replaces, norefersub, extended-refer, timer, outbound, path, X-cisco-serviceuri\r\n"
            + "User-Agent: Zoiper v2.10.20.4\r\n"
            + "Allow-Events: presence, kpml, talk\r\n"
            + "Content-Length: 271\r\n\r\n"
            + "v=0\r\no=Z 0 123456 IN IP4 192.0.2.33\r\ns=Z\r\nc=IN IP4 192.0.2.33\r\nt=0 0\r\n"
            + "m=audio 8000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n"
            + "a=rtcp-mux\r\na=x-padding:0123456789012345678901234567\r\n").getBytes(StandardCharsets.UTF_8);

    private final SipParser parser = new SipParser();
    private final SipMessage parsed = parse(INVITE);

    private static SipMessage parse(byte[] bytes) {
        try {
            return new SipParser().parse(bytes);
        } catch (SipParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public SipMessage parseInvite() throws SipParseException {
        return parser.parse(INVITE);
    }

    @Benchmark
    public int parseInviteAndReadCallHeaders() throws SipParseException {
        SipRequest r = (SipRequest) parser.parse(INVITE);
        return r.callId().length() + (int) r.cseq().number() + r.from().tag().orElseThrow().length()
                + r.to().uri().user().length() + r.vias().size() + r.contacts().size() + r.requestUri().port();
    }

    @Benchmark
    public byte[] serializeInvite() {
        return parsed.toBytes();
    }
}
