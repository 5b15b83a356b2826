package dev.switchboard.sip.dialog;

import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.SipMessage;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reliable provisional responses (RFC 3262): the UAS numbers its 1xx with RSeq, the UAC answers each with a PRACK
 * carrying RAck. Retransmitting the 1xx until its PRACK is the UAS user's job (timer T1 doubling, as for a 2xx).
 */
public final class Reliable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AtomicLong rseq = new AtomicLong(1 + RANDOM.nextInt(1 << 30));

    /** The RAck header: the RSeq acknowledged and the CSeq of the INVITE. */
    public record RAck(long rseq, long cseq, String method) {
        public static RAck parse(String text) {
            String[] parts = text.trim().split("[ \t]+");
            if (parts.length != 3) throw new IllegalArgumentException("bad RAck: " + text);
            try {
                return new RAck(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad RAck: " + text);
            }
        }

        @Override
        public String toString() {
            return rseq + " " + cseq + " " + method;
        }
    }

    /** Whether the request asks for (Require) or allows (Supported) reliable provisional responses. */
    public static boolean offered(SipRequest request) {
        return request.tokens(HeaderNames.REQUIRE).contains("100rel") || request.tokens(HeaderNames.SUPPORTED).contains("100rel");
    }

    public static boolean required(SipRequest request) {
        return request.tokens(HeaderNames.REQUIRE).contains("100rel");
    }

    /** Makes a 1xx reliable: Require: 100rel and the next RSeq. Returns the RSeq given. */
    public long makeReliable(SipResponse provisional) {
        if (!provisional.isProvisional() || provisional.status() == 100)
            throw new IllegalArgumentException("only 101-199 can be sent reliably");
        long n = rseq.getAndIncrement();
        provisional.headers().add(HeaderNames.REQUIRE, "100rel");
        provisional.headers().set(HeaderNames.RSEQ, Long.toString(n));
        return n;
    }

    /** The RSeq of a received reliable 1xx. */
    public static OptionalLong rseqOf(SipMessage response) {
        return response.header(HeaderNames.RSEQ).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
    }

    /** The PRACK for a reliable 1xx received in {@code dialog}. */
    public static SipRequest prack(Dialog dialog, SipResponse provisional) {
        long rseq = rseqOf(provisional).orElseThrow(() -> new IllegalArgumentException("1xx without RSeq"));
        SipRequest prack = dialog.newRequest(SipRequest.PRACK);
        prack.headers().set(HeaderNames.RACK, new RAck(rseq, provisional.cseq().number(), provisional.cseq().method()).toString());
        return prack;
    }
}
