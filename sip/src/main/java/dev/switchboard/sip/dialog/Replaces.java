package dev.switchboard.sip.dialog;

import dev.switchboard.sip.message.HeaderNames;
import dev.switchboard.sip.message.NameAddress;
import dev.switchboard.sip.message.Parameters;
import dev.switchboard.sip.message.SipMessage;

import java.util.Optional;

/**
 * The Replaces header (RFC 3891): which dialog a new INVITE takes over, as attended transfer and call pickup use it.
 * {@code toTag} and {@code fromTag} are as seen by the sender of the INVITE that carries it.
 */
public record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

    public static Replaces parse(String text) {
        int semi = text.indexOf(';');
        String callId = (semi < 0 ? text : text.substring(0, semi)).trim();
        if (callId.isEmpty()) throw new IllegalArgumentException("Replaces without Call-ID: " + text);
        Parameters p = semi < 0 ? Parameters.empty() : Parameters.parse(text.substring(semi));
        String to = p.get("to-tag").orElseThrow(() -> new IllegalArgumentException("Replaces without to-tag: " + text));
        String from = p.get("from-tag").orElseThrow(() -> new IllegalArgumentException("Replaces without from-tag: " + text));
        return new Replaces(callId, to, from, p.has("early-only"));
    }

    /** The Replaces header of a message, if any. */
    public static Optional<Replaces> of(SipMessage message) {
        return message.header(HeaderNames.REPLACES).map(Replaces::parse);
    }

    /** The Replaces embedded in a Refer-To URI ({@code <sip:bob@host?Replaces=...>}, RFC 3891 §7), if any. */
    public static Optional<Replaces> fromReferTo(NameAddress referTo) {
        return referTo.uri().header(HeaderNames.REPLACES).map(Replaces::parse);
    }

    /** The Refer-To of a REFER, parsed. */
    public static NameAddress referTo(SipMessage refer) {
        return NameAddress.parse(refer.header(HeaderNames.REFER_TO)
                .orElseThrow(() -> new IllegalArgumentException("REFER without Refer-To")));
    }

    /** Whether it names the dialog {@code d} (whose local side is the one being replaced). */
    public boolean matches(Dialog d) {
        return callId.equals(d.callId()) && toTag.equals(d.localTag()) && fromTag.equals(d.remoteTag());
    }

    @Override
    public String toString() {
        return callId + ";to-tag=" + toTag + ";from-tag=" + fromTag + (earlyOnly ? ";early-only" : "");
    }
}
