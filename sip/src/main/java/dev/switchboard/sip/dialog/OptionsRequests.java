package dev.switchboard.sip.dialog;

import dev.switchboard.sip.SipStack;
import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.SipRequest;
import dev.switchboard.sip.message.SipResponse;
import dev.switchboard.sip.message.SipUri;

import java.util.Collection;

/** OPTIONS as keep-alive (to registered contacts, to carriers) and as a capability answer (RFC 3261 §11). */
public final class OptionsRequests {
    private OptionsRequests() {}

    /** An out-of-dialog OPTIONS from {@code from} to {@code target}, with a new Call-ID and tag. */
    public static SipRequest keepAlive(SipUri target, NameAddress from) {
        return SipRequest.builder(SipRequest.OPTIONS, target)
                .from(from.withTag(SipStack.newTag()))
                .to(NameAddress.of(target.withoutHeaders()))
                .callId(SipStack.newCallId())
                .cseq(1)
                .header(HeaderNames.ACCEPT, "application/sdp")
                .build();
    }

    /** 200 OK with Allow, Accept and Supported. */
    public static SipResponse answer(SipRequest options, Collection<String> allow, Collection<String> supported) {
        SipResponse ok = options.createResponse(200, "OK", SipStack.newTag());
        ok.headers().add(HeaderNames.ALLOW, String.join(", ", allow));
        ok.headers().add(HeaderNames.ACCEPT, "application/sdp");
        if (!supported.isEmpty()) ok.headers().add(HeaderNames.SUPPORTED, String.join(", ", supported));
        return ok;
    }
}
